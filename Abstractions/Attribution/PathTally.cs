using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>An aggregated path: keys in time order, converting journeys with it (and their value) and null journeys.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.PathTally")]
public sealed record PathTally
{
    [Id(0)] public required ImmutableArray<string> Path { get; init; }
    [Id(1)] public double Conversions { get; init; }
    [Id(2)] public double Value { get; init; }
    [Id(3)] public double Nulls { get; init; }
}
