using System.Diagnostics;
using Frontline.Abstractions;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 5: calls per second of <c>ICustomerGrain.GetAsync</c> on customers holding a 90-day journey of 50
/// touches, against <see cref="INoopGrain.PingAsync"/>, on the same silo with the same number of calls in flight.
/// </summary>
public static class CallThroughput
{
    /// <summary>Calls kept in flight by as many workers, each awaiting its call before the next.</summary>
    public const int Concurrency = 64;

    /// <summary>Distinct grains each kind cycles through, all activated before timing.</summary>
    public const int Grains = 1_000;

    public static async Task<CallThroughputResult> RunAsync(IClusterClient client, int rounds, TimeSpan roundLength)
    {
        var customerIds = JourneyLoader.Ids("calls-customer", Grains);
        await JourneyLoader.LoadAsync(client, customerIds, seed: 5);
        var noopIds = JourneyLoader.Ids("calls-noop", Grains);
        await JourneyLoader.ForEachAsync(noopIds, Concurrency, id => client.GetGrain<INoopGrain>(id).PingAsync());

        var customers = customerIds.Select(id => client.GetCustomerGrain(id)).ToArray();
        var noops = noopIds.Select(id => client.GetGrain<INoopGrain>(id)).ToArray();
        Task Ping(int i) => noops[i].PingAsync();
        async Task Read(int i)
        {
            // Check the answer: a read that comes back empty would make the ratio look better than it is.
            var view = await customers[i].GetAsync();
            if (view is null || view.TouchCount != JourneyLoader.TouchesPerCustomer)
            {
                throw new InvalidOperationException($"customer {customerIds[i]} read {view?.TouchCount} touches");
            }
        }

        // One untimed round of each warms the JIT and the call paths.
        await CallsPerSecondAsync(Ping, TimeSpan.FromSeconds(1));
        await CallsPerSecondAsync(Read, TimeSpan.FromSeconds(1));

        var ping = new List<double>();
        var read = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved, so load from other work on the machine falls on both kinds alike.
            ping.Add(await CallsPerSecondAsync(Ping, roundLength));
            read.Add(await CallsPerSecondAsync(Read, roundLength));
            AnsiConsole.MarkupLineInterpolated($"  calls round {round + 1}: no-op {ping[^1]:N0}/s, customer read {read[^1]:N0}/s");
        }

        return new CallThroughputResult(ping, read);
    }

    /// <summary><see cref="Concurrency"/> workers call <paramref name="call"/> over the grains in turn until the time is up.</summary>
    private static async Task<double> CallsPerSecondAsync(Func<int, Task> call, TimeSpan length)
    {
        var calls = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            var i = worker;
            while (watch.Elapsed < length)
            {
                await call(i % Grains);
                Interlocked.Increment(ref calls);
                i += Concurrency;
            }
        }));
        return calls / watch.Elapsed.TotalSeconds;
    }
}
