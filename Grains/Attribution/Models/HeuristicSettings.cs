namespace Frontline.Grains.Attribution.Models;

/// <summary>Parameters of the per-journey models.</summary>
public sealed record HeuristicSettings
{
    /// <summary>TIME_DECAY half-life.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(7);

    public static HeuristicSettings Default { get; } = new();
}
