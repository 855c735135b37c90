using System.Collections.Immutable;
using Frontline.Abstractions.Ingestion;

namespace Frontline.Grains.Ingestion;

/// <summary>Persistent state of <see cref="StreamRejectionsGrain"/>.</summary>
public sealed record StreamRejectionsState
{
    public long Count { get; init; }

    /// <summary>Newest first, at most <see cref="StreamRejections.RecentLimit"/>.</summary>
    public ImmutableArray<StreamRejection> Recent { get; init; } = [];
}
