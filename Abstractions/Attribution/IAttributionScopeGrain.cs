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
}
