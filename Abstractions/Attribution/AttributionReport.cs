using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>Credit per key for a scope, model, dimension and period, with the top 3 and bottom 3 keys by credited value.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.AttributionReport")]
public sealed record AttributionReport
{
    [Id(0)] public required string Scope { get; init; }
    [Id(1)] public required AttributionModel Model { get; init; }
    [Id(2)] public required AttributionDimension By { get; init; }
    [Id(3)] public DateTimeOffset? From { get; init; }
    [Id(4)] public DateTimeOffset? To { get; init; }

    /// <summary>All conversions in the period, attributed or not.</summary>
    [Id(5)] public int Conversions { get; init; }

    /// <summary>Total value of all conversions in the period.</summary>
    [Id(6)] public decimal Value { get; init; }

    /// <summary>Conversions with no touch in their window.</summary>
    [Id(7)] public int Unattributed { get; init; }

    /// <summary>Value of the unattributed conversions.</summary>
    [Id(8)] public decimal UnattributedValue { get; init; }

    /// <summary>Credit per key, highest credited value first.</summary>
    [Id(9)] public ImmutableArray<CreditLine> Credits { get; init; } = [];

    /// <summary>The 3 keys with the highest credited value (then conversions, then key).</summary>
    [Id(10)] public ImmutableArray<CreditLine> Top { get; init; } = [];

    /// <summary>The 3 keys with the lowest credited value (then conversions, then key).</summary>
    [Id(11)] public ImmutableArray<CreditLine> Bottom { get; init; } = [];

    /// <summary>Null journeys in the period (data-driven models use them).</summary>
    [Id(12)] public int Nulls { get; init; }

    /// <summary>MARKOV only: P(conversion) of the chain.</summary>
    [Id(13)] public double? ConversionProbability { get; init; }

    /// <summary>MARKOV only: raw removal effects per key.</summary>
    [Id(14)] public ImmutableArray<RemovalEffect> RemovalEffects { get; init; } = [];
}
