namespace Frontline.Bench;

/// <summary>Calls per second of each round, no-op ping and customer read.</summary>
public sealed record CallThroughputResult(IReadOnlyList<double> Ping, IReadOnlyList<double> Read)
{
    public double PingMedian => Median(Ping);

    public double ReadMedian => Median(Read);

    /// <summary>Median over rounds of reads/s / pings/s of the same round: the two ran back to back, under the same load.</summary>
    public double RatioMedian => Median([.. Read.Zip(Ping, (read, ping) => read / ping)]);

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
