using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>Converting journeys whose distinct keys were exactly <see cref="Players"/>, with their value (SHAPLEY's worths).</summary>
[GenerateSerializer, Immutable, Alias("Frontline.CoalitionTally")]
public sealed record CoalitionTally
{
    /// <summary>The distinct keys, sorted.</summary>
    [Id(0)] public required ImmutableArray<string> Players { get; init; }

    [Id(1)] public required double Conversions { get; init; }
    [Id(2)] public required double Value { get; init; }
}
