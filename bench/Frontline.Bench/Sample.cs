namespace Frontline.Bench;

/// <summary>Measured run times of one benchmark.</summary>
public sealed record Sample(IReadOnlyList<TimeSpan> Times)
{
    public TimeSpan Median => Percentile(0.5);

    public TimeSpan P90 => Percentile(0.9);

    public TimeSpan Min => Times.Min();

    public int Runs => Times.Count;

    private TimeSpan Percentile(double p)
    {
        var sorted = Times.Order().ToList();
        if (sorted.Count == 0)
        {
            return TimeSpan.Zero;
        }

        // Median of an even count is the mean of the middle two; other percentiles take the nearest rank.
        if (p == 0.5 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
