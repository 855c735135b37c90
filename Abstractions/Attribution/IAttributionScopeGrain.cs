using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Frontline.Abstractions.Attribution;

/// <summary>
/// Attribution for one scope (<c>org</c>, <c>unit/&lt;id&gt;</c>). Conversion records live in hour-bucket grains, so a
/// write touches only its own hour and a query only the hours in its period. Keyed by the scope.
/// </summary>
[Alias("Frontline.IAttributionScopeGrain")]
public interface IAttributionScopeGrain : IGrainWithStringKey
{
    /// <summary>Stores or drops conversion records, then tells subscribers the scope changed.</summary>
    Task ApplyAsync(AttributionChange change);

    /// <summary>Reports credit for a model, dimension and period.</summary>
    /// <remarks>Interleaves with writes: it only reads the immutable hour index, so dashboards never queue behind ingestion.</remarks>
    [AlwaysInterleave]
    Task<AttributionReport> GetReportAsync(AttributionQuery query);

    /// <summary>Credit per key and hour of the credited touches, for conversions in the period.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<HeatCell>> GetHeatmapAsync(AttributionQuery query);

    /// <summary>Journeys, conversions, nulls and touches per conversion in the period.</summary>
    [AlwaysInterleave]
    Task<PathStats> GetPathStatsAsync(AttributionQuery query);

    /// <summary>Sets of content actions of converting journeys, highest average value first.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<ContentCombination>> GetContentCombinationsAsync(AttributionQuery query);

    /// <summary>Replaces the aggregated paths imported into this scope (an analyst's data from elsewhere); returns how many are held.</summary>
    Task<int> ReplaceImportedPathsAsync(ImmutableArray<PathTally> paths);
}
