using System.Collections.Immutable;

namespace Frontline.Abstractions.Customers;

/// <summary>A customer's health: a score 0-100, its band and the factors that produced it.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.HealthScore")]
public sealed record HealthScore
{
    /// <summary>Score 0-100, rounded to a whole number.</summary>
    [Id(0)] public required int Score { get; init; }

    /// <summary>Band of the score.</summary>
    [Id(1)] public required HealthBand Band { get; init; }

    /// <summary>The factors behind the score.</summary>
    [Id(2)] public ImmutableArray<HealthFactor> Factors { get; init; } = [];

    /// <summary>When the score was computed.</summary>
    [Id(3)] public required DateTimeOffset ComputedAt { get; init; }
}
