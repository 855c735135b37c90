using System.Collections.Immutable;

namespace Frontline.Abstractions.Units;

/// <summary>Registers a combat unit or replaces its profile and members; the same profile again is a duplicate.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.RegisterUnitCommand")]
public sealed record RegisterUnitCommand
{
    /// <summary>Unit id (lower-case slug, DESIGN §8).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Region the unit works in.</summary>
    [Id(2)] public string? Region { get; init; }

    /// <summary>Members with their roles.</summary>
    [Id(3)] public ImmutableArray<UnitMember> Members { get; init; } = [];
}
