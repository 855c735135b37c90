using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution;

/// <summary>Persistent state of an hour bucket: its conversion records by id.</summary>
public sealed record AttributionBucketState
{
    public ImmutableDictionary<string, ConversionRecord> Records { get; init; } = ImmutableDictionary<string, ConversionRecord>.Empty;
}
