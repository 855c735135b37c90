using Frontline.Abstractions;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 6: managed heap per active customer grain holding a 90-day journey of 50 touches, against the heap per
/// activation of a grain with no state. Both are measured as the GC heap (after full collections) with all of
/// them active less the heap once they are all deactivated, divided by their number.
/// </summary>
public static class GrainMemory
{
    private const int CallsInFlight = 64;

    private static readonly TimeSpan DeactivationTimeout = TimeSpan.FromMinutes(2);

    public static async Task<GrainMemoryResult> RunAsync(IClusterClient client, int customers)
    {
        var customerIds = JourneyLoader.Ids("memory-customer", customers);
        AnsiConsole.MarkupLineInterpolated($"  memory: loading {customers:N0} customers x {JourneyLoader.TouchesPerCustomer} touches");
        var load = await JourneyLoader.LoadAsync(client, customerIds, seed: 6);
        AnsiConsole.MarkupLineInterpolated($"  memory: loaded in {load.TotalSeconds:0.0} s");

        // Read every customer once (and check it holds its journey), then weigh the heap with all of them active.
        var touches = 0L;
        await JourneyLoader.ForEachAsync(customerIds, CallsInFlight, async id =>
        {
            var view = await client.GetCustomerGrain(id).GetAsync() ?? throw new InvalidOperationException($"customer {id} not found");
            Interlocked.Add(ref touches, view.TouchCount);
        });
        if (touches != (long)customers * JourneyLoader.TouchesPerCustomer)
        {
            throw new InvalidOperationException($"customers hold {touches:N0} touches, expected {(long)customers * JourneyLoader.TouchesPerCustomer:N0}");
        }

        var customerActive = await ActivationsAsync(client, "CustomerGrain");
        var customerHeapActive = Heap();

        // Deactivating only the customers leaves everything else as it was (their stored state, the scopes and
        // buckets), so the heap they give back is what their activations held.
        await DeactivateAsync(client, customerIds.Select(id => client.GetCustomerGrain(id).GetGrainId()).ToList(), "CustomerGrain");
        var customerHeapInactive = Heap();

        var noopIds = JourneyLoader.Ids("memory-noop", customers);
        await JourneyLoader.ForEachAsync(noopIds, CallsInFlight, id => client.GetGrain<INoopGrain>(id).PingAsync());
        var noopActive = await ActivationsAsync(client, "NoopGrain");
        var noopHeapActive = Heap();
        await DeactivateAsync(client, noopIds.Select(id => client.GetGrain<INoopGrain>(id).GetGrainId()).ToList(), "NoopGrain");
        var noopHeapInactive = Heap();

        var result = new GrainMemoryResult(customers, load, customerActive, customerHeapInactive, customerHeapActive, noopActive, noopHeapInactive, noopHeapActive);
        AnsiConsole.MarkupLineInterpolated($"  memory: {result.PerCustomer:N0} B per customer grain, {result.PerNoop:N0} B per no-op activation");
        return result;
    }

    private static async Task DeactivateAsync(IClusterClient client, IReadOnlyList<GrainId> grains, string grainClass)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight }, async (grain, _) => await management.DeactivateGrain(grain));
        await WaitForActivationsAsync(client, grainClass, 0);
    }

    /// <summary>The managed heap after a full, compacting, blocking collection (client and silo share this process).</summary>
    private static long Heap()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> ActivationsAsync(IClusterClient client, string grainClass)
    {
        var statistics = await client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(grainClass, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    private static async Task WaitForActivationsAsync(IClusterClient client, string grainClass, int expected)
    {
        var deadline = DateTime.UtcNow + DeactivationTimeout;
        int count;
        while ((count = await ActivationsAsync(client, grainClass)) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count:N0} {grainClass} activations left after {DeactivationTimeout.TotalSeconds} s, expected {expected}");
            }

            // Deactivation runs on the silo after each grain's current work; there is nothing to await but its count.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
