using Frontline.Abstractions.Customers;
using Frontline.Grains.Customers;

namespace Frontline.Tests.Customers;

public sealed class HealthScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    private static JourneyTouch Touch(int daysAgo, string action) =>
        new() { EventId = $"{action}{daysAgo}", Action = action, Channel = "x", OccurredAt = Now.AddDays(-daysAgo) };

    [Fact]
    public void Compute_EmptyJourney_ZeroAtRisk()
    {
        var health = HealthScoreCalculator.Compute([], 0, Now);

        Assert.Equal((0, HealthBand.AtRisk), (health.Score, health.Band));
    }

    [Fact]
    public void Compute_FullyEngagedToday_Hundred()
    {
        var actions = new[] { "FormSubmitted", "ContentViewed", "DemoDelivered", "TrialRequested", "PocStarted", "ProposalSent" };
        var journey = Enumerable.Range(0, 12).Select(i => Touch(i == 0 ? 0 : i + 1, actions[i % 6])).ToList();

        var health = HealthScoreCalculator.Compute(journey, 0, Now);

        // recency 40 (last touch today) + frequency 30 (12 touches) + depth 30 (6 actions)
        Assert.Equal(100, health.Score);
        Assert.Equal(HealthBand.Healthy, health.Band);
    }

    [Fact]
    public void Compute_FourteenQuietDaysAndAnEscalation_DocumentedPoints()
    {
        var journey = new[] { Touch(14, "DemoDelivered"), Touch(20, "ContentViewed"), Touch(30, "ContentViewed") };

        var health = HealthScoreCalculator.Compute(journey, 1, Now);

        // recency 40 * 2^-1 = 20; frequency 30 * 3/12 = 7.5; depth 30 * 2/6 = 10; escalation -15 => 22.5 -> 23
        Assert.Equal(23, health.Score);
        Assert.Equal(HealthBand.AtRisk, health.Band);
        Assert.Equal([20, 7.5, 10, -15], health.Factors.Select(f => f.Points));
    }
}
