using System.Collections.Immutable;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Grains.Units;

/// <summary>Persistent state of a unit. A versioned contract: add members with defaults, never rename.</summary>
public sealed record UnitState
{
    public bool Registered { get; init; }
    public string Name { get; init; } = "";
    public string? Region { get; init; }
    public ImmutableArray<UnitMember> Members { get; init; } = [];

    /// <summary>Stage and won value per opportunity; counts are derived from it, so repeated reports cannot double count.</summary>
    public ImmutableDictionary<string, OpportunityTally> Opportunities { get; init; } = ImmutableDictionary<string, OpportunityTally>.Empty;

    public ImmutableArray<Escalation> Escalations { get; init; } = [];
}
