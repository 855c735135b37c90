using System.Diagnostics;
using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 1: one report over the same 720 hours while the scope holds 10k, 100k or 1M journeys. The hour-bucket
/// design promises that the cost depends on hours and keys, so query(N) / query(10k) should stay near 1.
/// All sizes are loaded first, then queried in rounds (every size once per round), so load from other work on
/// the machine and JIT tiering fall on all sizes alike instead of on whichever ran first.
/// </summary>
public static class QueryScaling
{
    public const int Warmup = 5;

    public const int Runs = 30;

    public static readonly AttributionModel[] Models = [AttributionModel.Linear, AttributionModel.Markov];

    public static async Task<IReadOnlyList<QueryScalingRow>> RunAsync(IGrainFactory grains, IReadOnlyList<int> sizes)
    {
        var loads = new List<(int Size, string Scope, TimeSpan Load, long Heap)>();
        foreach (var size in sizes)
        {
            var scope = "bench/" + Label(size);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var load = await RecordLoader.LoadAsync(grains, RecordLoader.One(scope), scope, size, seed: size, progress: loaded =>
            {
                if (loaded % 100_000 == 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"  [grey]{scope}: {loaded:N0} loaded[/]");
                }
            });
            var held = await RecordLoader.CountAsync(grains, scope);
            if (held != size)
            {
                throw new InvalidOperationException($"{scope} holds {held} journeys, expected {size}");
            }

            loads.Add((size, scope, load, GC.GetTotalMemory(forceFullCollection: true) - heapBefore));
            AnsiConsole.MarkupLineInterpolated($"  {scope}: loaded {size:N0} in {load.TotalSeconds:0.0} s");
        }

        var times = loads.ToDictionary(l => l.Scope, _ => Models.ToDictionary(m => m, _ => new List<TimeSpan>()));
        var reports = new Dictionary<(string, AttributionModel), AttributionReport>();
        foreach (var model in Models)
        {
            for (var round = 0; round < Warmup + Runs; round++)
            {
                foreach (var (_, scope, _, _) in loads)
                {
                    var watch = Stopwatch.StartNew();
                    var report = await grains.GetAttributionScopeGrain(scope).GetReportAsync(RecordLoader.Query(model));
                    var elapsed = watch.Elapsed;
                    reports[(scope, model)] = report;
                    if (round >= Warmup)
                    {
                        times[scope][model].Add(elapsed);
                    }
                }
            }

            AnsiConsole.MarkupLineInterpolated($"  {model}: {string.Join(", ", loads.Select(l => $"{Label(l.Size)} {Timing.Ms(new Sample(times[l.Scope][model]).Median)}"))}");
        }

        var rows = new List<QueryScalingRow>();
        foreach (var (size, scope, load, heap) in loads)
        {
            var linear = reports[(scope, AttributionModel.Linear)];
            rows.Add(new QueryScalingRow(
                size,
                load,
                new Sample(times[scope][AttributionModel.Linear]),
                new Sample(times[scope][AttributionModel.Markov]),
                linear.Conversions,
                linear.Nulls,
                reports[(scope, AttributionModel.Markov)].Credits.Length,
                await PathTalliesAsync(grains, scope),
                heap));
        }

        return rows;
    }

    /// <summary>
    /// How many transition tallies one MARKOV report pulls from the buckets (the sum over hours of each hour's
    /// distinct transitions, at most keys squared per hour): what it merges besides the fixed per-hour cost.
    /// </summary>
    private static async Task<long> PathTalliesAsync(IGrainFactory grains, string scope)
    {
        var request = new SliceRequest { Query = RecordLoader.Query(AttributionModel.Markov), Parts = SliceParts.Transitions };
        var first = AttributionBuckets.HourOf(SyntheticJourneys.PeriodStart);
        var slices = await Task.WhenAll(Enumerable.Range(0, SyntheticJourneys.Hours).Select(h => grains.GetAttributionBucketGrain(scope, first + h).GetSliceAsync(request)));
        return slices.Sum(s => (long)s.Transitions.Length);
    }

    public static string Label(int size) => size >= 1_000_000 ? $"{size / 1_000_000}M" : $"{size / 1_000}k";
}
