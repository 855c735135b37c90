using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// Where the bulk endpoint stores touches of many customers in one commit, before their customers apply them
/// (<see cref="TouchProjector"/>). Each stored batch is remembered until <see cref="ForgetBatchesAsync"/>; one that stays
/// unforgotten (its silo died before every customer had applied it) is handed out again by
/// <see cref="TakeStaleBatchesAsync"/>.
/// </summary>
public interface IBulkTouchStore
{
    /// <summary>False where nothing is durable outside the customers' own state (the embedded profile).</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Stores <paramref name="rows"/> (at most one per customer and event id) and a batch naming
    /// <paramref name="customers"/>, in one transaction. Returns the batch and, per row, whether it was new (false: a
    /// row with that customer and event id was stored before, and is left as it was).
    /// </summary>
    Task<(long BatchId, bool[] Fresh)> StoreAsync(IReadOnlyList<(string CustomerId, JourneyTouch Touch)> rows, IReadOnlyCollection<string> customers);

    /// <summary>Forgets batches whose customers have all applied them.</summary>
    Task ForgetBatchesAsync(IReadOnlyCollection<long> batchIds);

    /// <summary>
    /// Takes up to <paramref name="max"/> batches stored (or last taken) longer than <paramref name="staleAfter"/> ago,
    /// marking them taken now, and returns the customers of each.
    /// </summary>
    Task<IReadOnlyList<(long BatchId, string[] Customers)>> TakeStaleBatchesAsync(TimeSpan staleAfter, int max);
}
