namespace Frontline.Abstractions.Attribution;

/// <summary>MARKOV's raw removal effect of one key: 1 - P(conversion without it) / P(conversion).</summary>
[GenerateSerializer, Immutable, Alias("Frontline.RemovalEffect")]
public sealed record RemovalEffect
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required double Effect { get; init; }
}
