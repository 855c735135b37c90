namespace Frontline.Abstractions.Attribution;

/// <summary>A report request: model, dimension and an optional half-open period <c>[From, To)</c> of conversion times.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.AttributionQuery")]
public sealed record AttributionQuery
{
    [Id(0)] public AttributionModel Model { get; init; } = AttributionModel.Linear;
    [Id(1)] public AttributionDimension By { get; init; } = AttributionDimension.Channel;

    /// <summary>Inclusive lower bound on conversion time; null for no bound.</summary>
    [Id(2)] public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on conversion time; null for no bound.</summary>
    [Id(3)] public DateTimeOffset? To { get; init; }
}
