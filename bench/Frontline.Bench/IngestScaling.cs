using System.Collections.Immutable;
using System.Diagnostics;
using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 2: the cost of ingesting one conversion through the customer path (<c>IIngestGrain.RecordTouchesAsync</c>:
/// validation, the customer's journey write, windowing, and the records sent to the <c>org</c> and
/// <c>segment/B2C</c> scopes and their hour buckets) while those scopes hold more and more history.
/// </summary>
public static class IngestScaling
{
    public const int Conversions = 1_000;

    public const int WarmupConversions = 200;

    /// <summary>Customers per call in the batched mode, as an integrator would send them.</summary>
    public const int BatchCustomers = 100;

    /// <summary>Fresh B2C customers land in these scopes (<c>AttributionSync.ScopesOf</c>), so both get the history.</summary>
    public static readonly ImmutableArray<string> Scopes = [AttributionScopes.Org, AttributionScopes.Segment(Segment.B2C)];

    public static async Task<IReadOnlyList<IngestScalingRow>> RunAsync(IGrainFactory grains, IReadOnlyList<int> histories)
    {
        var ingest = grains.GetIngestGrain();
        var random = new Random(7);
        var customers = 0;
        string NextCustomer() => $"bench-customer-{customers++}";

        // Warm-up: JIT and first activations, against a scope still almost empty.
        await SequentialAsync(ingest, random, WarmupConversions, NextCustomer);

        var rows = new List<IngestScalingRow>();
        foreach (var history in histories)
        {
            var held = await RecordLoader.CountAsync(grains, AttributionScopes.Org);
            var preload = TimeSpan.Zero;
            if (history > held)
            {
                preload = await RecordLoader.LoadAsync(grains, Scopes, $"preload-{history}", (int)(history - held), seed: 1_000 + history);
                held = await RecordLoader.CountAsync(grains, AttributionScopes.Org);
            }

            AnsiConsole.MarkupLineInterpolated($"  ingest: scopes hold {held:N0} journeys; measuring");
            var sequential = await SequentialAsync(ingest, random, Conversions, NextCustomer);
            var batched = await BatchedAsync(ingest, random, Conversions, NextCustomer);
            rows.Add(new IngestScalingRow(history, held, preload, sequential.Total / Conversions, sequential.MedianCall, batched / Conversions));
            AnsiConsole.MarkupLineInterpolated($"  ingest @ {held:N0}: {Timing.Ms(sequential.Total / Conversions)} per conversion one by one, {Timing.Ms(batched / Conversions)} batched");
        }

        return rows;
    }

    /// <summary>One customer (touches + conversion) per call, one call at a time: the latency of one conversion.</summary>
    private static async Task<(TimeSpan Total, TimeSpan MedianCall)> SequentialAsync(Abstractions.Ingestion.IIngestGrain ingest, Random random, int count, Func<string> nextCustomer)
    {
        var calls = new List<TimeSpan>(count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var events = SyntheticJourneys.CustomerEvents(random, nextCustomer());
            var watch = Stopwatch.StartNew();
            var result = await ingest.RecordTouchesAsync(events);
            calls.Add(watch.Elapsed);
            Check(result, events.Length);
        }

        return (total.Elapsed, new Sample(calls).Median);
    }

    /// <summary><see cref="BatchCustomers"/> customers per call: the ingest grain fans them out in parallel.</summary>
    private static async Task<TimeSpan> BatchedAsync(Abstractions.Ingestion.IIngestGrain ingest, Random random, int count, Func<string> nextCustomer)
    {
        var batches = Enumerable.Range(0, count / BatchCustomers)
            .Select(_ => Enumerable.Range(0, BatchCustomers).SelectMany(_ => SyntheticJourneys.CustomerEvents(random, nextCustomer())).ToImmutableArray())
            .ToList();
        var total = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            Check(await ingest.RecordTouchesAsync(batch), batch.Length);
        }

        return total.Elapsed;
    }

    private static void Check(Abstractions.Ingestion.IngestResult result, int expected)
    {
        if (result.Accepted != expected || !result.Rejected.IsEmpty)
        {
            throw new InvalidOperationException($"ingest accepted {result.Accepted} of {expected}: {string.Join("; ", result.Rejected.Select(r => r.Field + " " + r.Reason))}");
        }
    }
}
