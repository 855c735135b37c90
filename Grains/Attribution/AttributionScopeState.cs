using System.Collections.Immutable;

namespace Frontline.Grains.Attribution;

/// <summary>Persistent state of a scope: which hour buckets hold records, so a query visits only those.</summary>
public sealed record AttributionScopeState
{
    public ImmutableSortedSet<long> Hours { get; init; } = [];
}
