using System.Diagnostics;

namespace Frontline.Bench;

/// <summary>Stopwatch helpers: warm-up runs are thrown away, the rest summarised by their median.</summary>
public static class Timing
{
    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="warmup"/> times unmeasured, then <paramref name="runs"/> times
    /// measured; <paramref name="after"/> runs untimed after each one (e.g. to undo it).
    /// </summary>
    public static async Task<Sample> MeasureAsync(int warmup, int runs, Func<Task> action, Func<Task>? after = null, bool collect = false)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
            await (after?.Invoke() ?? Task.CompletedTask);
        }

        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            if (collect)
            {
                // Start each run without the garbage of the previous ones, so a run does not pay for another's GC.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed);
            await (after?.Invoke() ?? Task.CompletedTask);
        }

        return new Sample(times);
    }

    /// <summary>Synchronous variant for pure code; a full GC precedes each measured run.</summary>
    public static Sample Measure(int warmup, int runs, Action action) =>
        MeasureAsync(
            warmup,
            runs,
            () =>
            {
                action();
                return Task.CompletedTask;
            },
            collect: true).GetAwaiter().GetResult();

    /// <summary>Wall time of one call.</summary>
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    /// <summary>Milliseconds with precision that suits the size (0.012 ms, 1.23 ms, 123 ms).</summary>
    public static string Ms(TimeSpan time) => Ms(time.TotalMilliseconds);

    public static string Ms(double ms) => ms switch
    {
        < 1 => ms.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
        < 100 => ms.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
    } + " ms";

    /// <summary>A ratio printed with two decimals and an x.</summary>
    public static string Ratio(double ratio) => ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x";
}
