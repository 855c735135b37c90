using System.Collections.Immutable;

namespace Frontline.Abstractions.Ingestion;

/// <summary>
/// Counts the items a stream consumer refused, so bad input published to a stream is visible to an operator (the
/// publisher got no answer to read it from). Keyed by stream namespace (<c>touches</c>).
/// </summary>
[Alias("Frontline.IStreamRejectionsGrain")]
public interface IStreamRejectionsGrain : IGrainWithStringKey
{
    /// <summary>Adds refusals to the count and to the recent list; a refusal seen before (same stream key, event id, field and reason) is not counted twice.</summary>
    Task RecordAsync(ImmutableArray<StreamRejection> rejections);

    /// <summary>The count and the recent refusals.</summary>
    Task<StreamRejections> GetAsync();
}
