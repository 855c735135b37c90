namespace Frontline.Abstractions.Attribution;

/// <summary>A query as a bucket sees it: the model, dimension, period and the parts wanted.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.SliceRequest")]
public sealed record SliceRequest
{
    [Id(0)] public required AttributionQuery Query { get; init; }
    [Id(1)] public required SliceParts Parts { get; init; }
}
