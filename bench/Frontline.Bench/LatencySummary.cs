using HdrHistogram;

namespace Frontline.Bench;

/// <summary>Percentiles of one latency histogram, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Values are recorded in microseconds; highest trackable 10 minutes, 3 significant digits.</summary>
    public static LongHistogram NewHistogram() => new(TimeSpan.FromMinutes(10).Ticks / TimeSpan.TicksPerMicrosecond, 3);

    public static LatencySummary Of(LongHistogram histogram) => new(
        histogram.TotalCount,
        Ms(histogram.GetValueAtPercentile(50)),
        Ms(histogram.GetValueAtPercentile(90)),
        Ms(histogram.GetValueAtPercentile(99)),
        Ms(histogram.GetValueAtPercentile(99.9)),
        Ms(histogram.GetMaxValue()));

    private static double Ms(long microseconds) => microseconds / 1000.0;
}
