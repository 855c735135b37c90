using Frontline.Abstractions;
using Frontline.Grains.Ingestion;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Ingestion;

/// <summary>
/// Every <see cref="BulkIngestOptions.SweepEvery"/>, takes the stored bulk batches no silo finished applying within
/// <see cref="BulkIngestOptions.StaleBatchAfter"/> (the silo that stored them died, or a customer call kept failing) and
/// has each of their customers read its journal, then forgets the batch. Taking a batch re-stamps it, so a silo that
/// dies while sweeping leaves it for the next sweep; re-reading a journal twice changes nothing.
/// </summary>
public sealed partial class StaleBatchSweeper(IBulkTouchStore store, IGrainFactory grains, IOptions<BulkIngestOptions> options, ILogger<StaleBatchSweeper> logger) : BackgroundService
{
    /// <summary>
    /// Customers a sweep has read their journals at once. A batch names up to 5,000; all at once, a review run of 4,000
    /// customers took 100 s with 717 call timeouts. 32 itself was not measured against other values: it is half the
    /// projector's idle limit, so a sweep leaves room for the live path.
    /// </summary>
    public const int CallsAtOnce = 32;

    /// <summary>Batches one sweep takes at most; the rest wait for the next.</summary>
    public const int BatchesPerSweep = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or the cluster is away: the batches stay stale, and the next sweep takes them.
                LogSweepFailed(logger, exception);
            }
        }
    }

    /// <summary>One sweep; returns how many batches it finished.</summary>
    public async Task<int> SweepAsync()
    {
        var finished = 0;
        foreach (var (batchId, customers) in await store.TakeStaleBatchesAsync(options.Value.StaleBatchAfter, BatchesPerSweep))
        {
            try
            {
                await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce },
                    async (customer, _) => await grains.GetCustomerGrain(customer).CatchUpAsync());
                await store.ForgetBatchesAsync([batchId]);
                LogBatchRecovered(logger, batchId, customers.Length);
                finished++;
            }
            catch (Exception exception)
            {
                // One failing customer keeps only its own batch: taken again once it is stale again; the others go on.
                LogBatchFailed(logger, exception, batchId);
            }
        }

        return finished;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stale ingest batch {BatchId}: its {Customers} customers read their journals")]
    private static partial void LogBatchRecovered(ILogger logger, long batchId, int customers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stale ingest batch {BatchId} not finished; taken again once stale")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, long batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep for stale ingest batches failed; the next one retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
