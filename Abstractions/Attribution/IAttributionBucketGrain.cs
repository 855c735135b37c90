using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>The conversion records of one scope in one UTC hour. Keyed by <c>{scope}@{yyyy-MM-ddTHH}</c> (see <see cref="AttributionBuckets"/>).</summary>
[Alias("Frontline.IAttributionBucketGrain")]
public interface IAttributionBucketGrain : IGrainWithStringKey
{
    /// <summary>Upserts and removes records of this hour.</summary>
    Task ApplyAsync(AttributionChange change);

    /// <summary>The records of this hour, all of them.</summary>
    Task<ImmutableArray<ConversionRecord>> GetAsync();

    /// <summary>What this hour contributes to a query; whole hours come from totals kept up to date on every write.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<AttributionSlice> GetSliceAsync(SliceRequest request);
}
