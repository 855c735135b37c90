using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>
/// What one hour bucket contributes to a query: totals and, for the requested model and dimension, credit per
/// key, heat cells, paths and content combinations. Its size depends on keys and distinct paths, not on how many
/// conversions the hour holds, so a query's cost does not grow with history.
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.AttributionSlice")]
public sealed record AttributionSlice
{
    [Id(0)] public int Conversions { get; init; }
    [Id(1)] public decimal Value { get; init; }
    [Id(2)] public int Unattributed { get; init; }
    [Id(3)] public decimal UnattributedValue { get; init; }
    [Id(4)] public int Nulls { get; init; }

    /// <summary>Touches of converting journeys.</summary>
    [Id(5)] public int ConvertingTouches { get; init; }

    [Id(6)] public ImmutableArray<KeyTally> Credits { get; init; } = [];
    [Id(7)] public ImmutableArray<HeatCell> Heat { get; init; } = [];
    [Id(9)] public ImmutableArray<ContentCombination> Combinations { get; init; } = [];

    /// <summary>MARKOV: transition counts of the hour's journeys (at most keys squared entries).</summary>
    [Id(10)] public ImmutableArray<TransitionTally> Transitions { get; init; } = [];

    /// <summary>SHAPLEY: worth per distinct set of keys of the hour's converting journeys.</summary>
    [Id(11)] public ImmutableArray<CoalitionTally> Coalitions { get; init; } = [];
}
