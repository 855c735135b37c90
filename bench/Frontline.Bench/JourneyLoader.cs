using System.Collections.Immutable;
using System.Diagnostics;
using Frontline.Abstractions;
using Frontline.Abstractions.Customers;

namespace Frontline.Bench;

/// <summary>
/// Registers B2B customers (whose attribution window is 90 days, so one conversion credits the whole journey)
/// and gives each a 90-day journey through the integrator's path, <c>IIngestGrain.RecordTouchesAsync</c>.
/// </summary>
public static class JourneyLoader
{
    public const int TouchesPerCustomer = 50;

    private const int CustomersPerCall = 20;

    // A few calls in flight keep both cores busy without queueing thousands of customers at once.
    private const int CallsInFlight = 4;

    /// <summary>Ids <c>{prefix}-0</c> to <c>{prefix}-{count-1}</c>, in order.</summary>
    public static IReadOnlyList<string> Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];

    /// <summary>Registers each customer as B2B, then records <see cref="TouchesPerCustomer"/> touches and a conversion; fails unless every event is accepted.</summary>
    public static async Task<TimeSpan> LoadAsync(IGrainFactory grains, IReadOnlyList<string> customerIds, int seed)
    {
        await ForEachAsync(customerIds, CustomersPerCall * CallsInFlight, async id =>
        {
            var registered = await grains.GetCustomerGrain(id).RegisterAsync(new RegisterCustomerCommand { Id = id, Segment = Segment.B2B, Name = id });
            if (registered.Error is { } rejection)
            {
                throw new InvalidOperationException($"register {id}: {rejection.Field} {rejection.Reason}");
            }
        });

        var random = new Random(seed);
        var batches = customerIds.Chunk(CustomersPerCall)
            .Select(ids => ids.SelectMany(id => SyntheticJourneys.NinetyDayJourney(random, id, TouchesPerCustomer)).ToImmutableArray())
            .ToList();
        var ingest = grains.GetIngestGrain();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight }, async (batch, _) =>
        {
            var result = await ingest.RecordTouchesAsync(batch);
            if (result.Accepted != batch.Length || !result.Rejected.IsEmpty)
            {
                throw new InvalidOperationException($"ingest accepted {result.Accepted} of {batch.Length}: {string.Join("; ", result.Rejected.Select(r => r.Field + " " + r.Reason))}");
            }
        });
        return watch.Elapsed;
    }

    /// <summary>Runs <paramref name="call"/> once per id with at most <paramref name="inFlight"/> calls at a time.</summary>
    public static Task ForEachAsync(IReadOnlyList<string> ids, int inFlight, Func<string, Task> call) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (id, _) => await call(id));
}
