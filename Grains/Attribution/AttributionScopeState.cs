using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution;

/// <summary>Persistent state of a scope: which hour buckets hold records, and any aggregated paths imported into it.</summary>
public sealed record AttributionScopeState
{
    public ImmutableSortedSet<long> Hours { get; init; } = [];

    /// <summary>Aggregated CHANNEL paths from an analyst's file; they have no times, so every period includes them.</summary>
    public ImmutableArray<PathTally> ImportedPaths { get; init; } = [];
}
