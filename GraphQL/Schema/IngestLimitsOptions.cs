namespace Frontline.GraphQL.Schema;

/// <summary>Size limits of the ingestion mutations, bound from <c>Frontline:Limits</c> by the host.</summary>
public sealed class IngestLimitsOptions
{
    /// <summary>
    /// Most items one <c>recordTouches</c>, <c>registerUnits</c>, <c>registerCustomers</c> or
    /// <c>importOpportunities</c> call may carry; a larger list is refused whole with <c>BATCH_TOO_LARGE</c>.
    /// Bulk loaders send many batches (the import command sends 500 items each).
    /// </summary>
    public int MaxBatchItems { get; set; } = 10_000;
}
