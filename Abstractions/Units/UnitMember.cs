namespace Frontline.Abstractions.Units;

/// <summary>A member of a combat unit.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.UnitMember")]
public sealed record UnitMember
{
    /// <summary>Person's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Role in the unit, e.g. <c>lead</c>, <c>sales</c>, <c>marketing</c>.</summary>
    [Id(1)] public required string Role { get; init; }
}
