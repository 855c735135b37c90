using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>
/// The customer health formula, pure. Four factors, each documented in README:
/// <list type="bullet">
/// <item>recency: 40 points x 2^(-days since the last journey event / 14), so 14 quiet days halve it;</item>
/// <item>frequency: 30 points x min(touches in the last 90 days, 12) / 12;</item>
/// <item>depth: 30 points x min(distinct actions in the last 90 days, 6) / 6 (breadth of engagement);</item>
/// <item>escalations: -15 points per open escalation on the customer's opportunities.</item>
/// </list>
/// The sum is rounded and clamped to 0..100; bands: 70+ HEALTHY, 40+ WATCH, else AT_RISK.
/// </summary>
public static class HealthScoreCalculator
{
    public const double RecencyPoints = 40, FrequencyPoints = 30, DepthPoints = 30, PointsPerEscalation = 15;
    public static readonly TimeSpan RecencyHalfLife = TimeSpan.FromDays(14);
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromDays(90);
    public const int FullFrequency = 12, FullDepth = 6;

    /// <summary>Scores a journey (any order) with a number of open escalations as of <paramref name="now"/>.</summary>
    public static HealthScore Compute(IReadOnlyCollection<JourneyTouch> journey, int openEscalations, DateTimeOffset now)
    {
        var past = journey.Where(t => t.OccurredAt <= now).ToList();
        var recent = past.Where(t => t.OccurredAt > now - ActivityWindow).ToList();

        var daysSinceLast = past.Count == 0 ? double.PositiveInfinity : (now - past.Max(t => t.OccurredAt)).TotalDays;
        var recency = past.Count == 0 ? 0 : RecencyPoints * Math.Pow(2, -daysSinceLast / RecencyHalfLife.TotalDays);
        var frequency = FrequencyPoints * Math.Min(recent.Count, FullFrequency) / FullFrequency;
        var distinctActions = recent.Select(t => t.Action).Distinct(StringComparer.Ordinal).Count();
        var depth = DepthPoints * Math.Min(distinctActions, FullDepth) / FullDepth;
        var escalations = openEscalations == 0 ? 0 : -PointsPerEscalation * openEscalations;

        var score = (int)Math.Clamp(Math.Round(recency + frequency + depth + escalations, MidpointRounding.AwayFromZero), 0, 100);
        return new HealthScore
        {
            Score = score,
            Band = BandOf(score),
            ComputedAt = now,
            Factors =
            [
                new HealthFactor { Name = "recency", Reading = past.Count == 0 ? -1 : Math.Round(daysSinceLast, 2), Points = Math.Round(recency, 2) },
                new HealthFactor { Name = "frequency", Reading = recent.Count, Points = Math.Round(frequency, 2) },
                new HealthFactor { Name = "depth", Reading = distinctActions, Points = Math.Round(depth, 2) },
                new HealthFactor { Name = "escalations", Reading = openEscalations, Points = escalations },
            ],
        };
    }

    /// <summary>Band of a score.</summary>
    public static HealthBand BandOf(int score) => score switch
    {
        >= 70 => HealthBand.Healthy,
        >= 40 => HealthBand.Watch,
        _ => HealthBand.AtRisk,
    };
}
