using System.Collections.Immutable;
using Frontline.Abstractions.Opportunities;

namespace Frontline.Abstractions.Units;

/// <summary>Read model of a unit: profile, opportunity counts, won value and escalations.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.UnitView")]
public sealed record UnitView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Region { get; init; }
    [Id(3)] public ImmutableArray<UnitMember> Members { get; init; } = [];
    [Id(4)] public int OpportunityCount { get; init; }
    [Id(5)] public int WonCount { get; init; }
    [Id(6)] public int LostCount { get; init; }
    [Id(7)] public int OpenCount { get; init; }
    [Id(8)] public decimal WonValue { get; init; }
    [Id(9)] public ImmutableArray<Escalation> Escalations { get; init; } = [];
}
