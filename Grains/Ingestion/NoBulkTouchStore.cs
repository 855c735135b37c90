using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Ingestion;

/// <summary>The embedded profile's: none. Bulk touches go to their customers, who make them durable before answering.</summary>
public sealed class NoBulkTouchStore : IBulkTouchStore
{
    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public Task<(long BatchId, bool[] Fresh)> StoreAsync(IReadOnlyList<(string CustomerId, JourneyTouch Touch)> rows, IReadOnlyCollection<string> customers) =>
        throw new NotSupportedException("this profile has no bulk touch store");

    /// <inheritdoc />
    public Task ForgetBatchesAsync(IReadOnlyCollection<long> batchIds) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<(long BatchId, string[] Customers)>> TakeStaleBatchesAsync(TimeSpan staleAfter, int max) =>
        Task.FromResult<IReadOnlyList<(long, string[])>>([]);
}
