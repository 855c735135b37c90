namespace Frontline.Abstractions.Customers;

/// <summary>One input of the health score: its name, its normalised reading 0..1 (or count) and the points it contributes.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.HealthFactor")]
public sealed record HealthFactor
{
    /// <summary>Factor name: recency, frequency, depth or escalations.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The raw reading behind the factor (days, touches, distinct actions, open escalations).</summary>
    [Id(1)] public required double Reading { get; init; }

    /// <summary>Points this factor adds to (or, for escalations, takes from) the score.</summary>
    [Id(2)] public required double Points { get; init; }
}
