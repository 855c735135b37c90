using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 1: one report over the same 720 hours while the scope holds 10k, 100k or 1M journeys. The hour-bucket
/// design promises that the cost depends on hours and keys, so query(N) / query(10k) should stay near 1.
/// </summary>
public static class QueryScaling
{
    public const int Warmup = 3;

    public const int Runs = 20;

    public static async Task<IReadOnlyList<QueryScalingRow>> RunAsync(IGrainFactory grains, IReadOnlyList<int> sizes)
    {
        var rows = new List<QueryScalingRow>();
        foreach (var size in sizes)
        {
            var scope = "bench/" + Label(size);
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

            AnsiConsole.MarkupLineInterpolated($"  {scope}: loaded {size:N0} in {load.TotalSeconds:0.0} s; querying");
            var scopeGrain = grains.GetAttributionScopeGrain(scope);
            AttributionReport? linearReport = null;
            AttributionReport? markovReport = null;
            var linear = await Timing.MeasureAsync(Warmup, Runs, async () => linearReport = await scopeGrain.GetReportAsync(RecordLoader.Query(AttributionModel.Linear)));
            var markov = await Timing.MeasureAsync(Warmup, Runs, async () => markovReport = await scopeGrain.GetReportAsync(RecordLoader.Query(AttributionModel.Markov)));
            var tallies = await PathTalliesAsync(grains, scope);
            rows.Add(new QueryScalingRow(size, load, linear, markov, linearReport!.Conversions, linearReport.Nulls, markovReport!.Credits.Length, tallies, GC.GetTotalMemory(forceFullCollection: false)));
            AnsiConsole.MarkupLineInterpolated($"  {scope}: LINEAR {Timing.Ms(linear.Median)}, MARKOV {Timing.Ms(markov.Median)}");
        }

        return rows;
    }

    /// <summary>
    /// How many path tallies one MARKOV report pulls from the buckets (the sum over hours of each hour's distinct
    /// paths): the part of the query that is not fixed by hours and keys.
    /// </summary>
    private static async Task<long> PathTalliesAsync(IGrainFactory grains, string scope)
    {
        var request = new SliceRequest { Query = RecordLoader.Query(AttributionModel.Markov), Parts = SliceParts.Paths };
        var slices = await Task.WhenAll(Enumerable.Range(0, SyntheticJourneys.Hours).Select(h =>
            grains.GetAttributionBucketGrain(scope, AttributionBuckets.HourOf(SyntheticJourneys.PeriodStart) + h).GetSliceAsync(request)));
        return slices.Sum(s => (long)s.Paths.Length);
    }

    public static string Label(int size) => size >= 1_000_000 ? $"{size / 1_000_000}M" : $"{size / 1_000}k";
}
