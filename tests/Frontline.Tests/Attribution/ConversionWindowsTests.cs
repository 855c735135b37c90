using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Grains.Attribution;

namespace Frontline.Tests.Attribution;

public sealed class ConversionWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2018, 7, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = T0.AddYears(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static JourneyTouch Touch(string id, DateTimeOffset at, string channel = "Facebook", string action = "ContentViewed") =>
        new() { EventId = id, Action = action, Channel = channel, OccurredAt = at };

    private static ConversionRecord[] Converted(JourneyPartition partition) => [.. partition.Records.Where(r => r.Converted)];

    private static ConversionRecord[] Nulls(JourneyPartition partition) => [.. partition.Records.Where(r => !r.Converted)];

    [Fact]
    public void Build_TouchOlderThanWindow_NotCreditedButANullJourney()
    {
        var touches = new[] { Touch("old", T0 - Week), Touch("in", T0 - Week + TimeSpan.FromSeconds(1)), Touch("at", T0), Touch("after", T0.AddSeconds(1)) };

        var partition = ConversionWindows.Build("c", touches, [new ConversionEvent("conv", T0, 5, null)], Week, Later);

        var record = Assert.Single(Converted(partition));
        Assert.Equal([T0 - Week + TimeSpan.FromSeconds(1), T0], record.Touches.Select(t => t.OccurredAt));
        Assert.Equal(["null:old", "null:after"], Nulls(partition).Select(n => n.Id));
    }

    [Fact]
    public void Build_SecondConversion_CreditsOnlyTouchesAfterTheFirst()
    {
        var touches = new[] { Touch("1", T0.AddHours(-2), "a"), Touch("2", T0.AddHours(1), "b"), Touch("3", T0.AddHours(2), "c") };
        var conversions = new[] { new ConversionEvent("second", T0.AddHours(3), 2, null), new ConversionEvent("first", T0, 1, null) };

        var records = Converted(ConversionWindows.Build("c", touches, conversions, Week, Later));

        Assert.Equal(["first", "second"], records.Select(r => r.Id));
        Assert.Equal(["a"], records[0].Touches.Select(t => t.Channel));
        Assert.Equal(["b", "c"], records[1].Touches.Select(t => t.Channel));
    }

    [Fact]
    public void Build_NoTouchInWindow_RecordWithoutTouches()
    {
        var partition = ConversionWindows.Build("c", [Touch("1", T0.AddDays(-30))], [new ConversionEvent("x", T0, 3, "u")], Week, Later);

        var record = Assert.Single(Converted(partition));
        Assert.Empty(record.Touches);
        Assert.Equal("u", record.UnitId);
        Assert.Single(Nulls(partition));
    }

    [Fact]
    public void Build_TrailingTouchesWithinWindowOfNow_PendingNotNull()
    {
        var now = T0.AddDays(3);

        var partition = ConversionWindows.Build("c", [Touch("1", T0), Touch("2", T0.AddDays(1))], [], Week, now);

        Assert.Empty(partition.Records);
        Assert.Equal(T0.AddDays(1) + Week, partition.PendingUntil);
        var passed = ConversionWindows.Build("c", [Touch("1", T0), Touch("2", T0.AddDays(1))], [], Week, T0.AddDays(8));
        Assert.Equal(2, Assert.Single(Nulls(passed)).Touches.Length);
        Assert.Null(passed.PendingUntil);
    }

    [Fact]
    public void Build_GapLongerThanWindow_SplitsNullJourneys()
    {
        var partition = ConversionWindows.Build("c", [Touch("1", T0), Touch("2", T0.AddDays(8)), Touch("3", T0.AddDays(9))], [], Week, Later);

        Assert.Equal([1, 2], Nulls(partition).Select(n => n.Touches.Length));
    }

    [Fact]
    public void Build_Milestones_LeadCreationAndOpportunityOpened()
    {
        var touches = new[]
        {
            Touch("1", T0.AddDays(-5), action: "ContentViewed"), Touch("2", T0.AddDays(-4), action: "FormSubmitted"),
            Touch("3", T0.AddDays(-3), action: "DemoDelivered"), Touch("4", T0.AddDays(-1), action: "ProposalSent"),
        };

        var record = Assert.Single(ConversionWindows.Build("c", touches, [new ConversionEvent("o", T0, 9, "u", OpenedAt: T0.AddDays(-2))], Week, Later, new HashSet<string> { "FormSubmitted" }).Records);

        Assert.Equal([TouchMilestones.None, TouchMilestones.LeadCreation, TouchMilestones.OpportunityOpened, TouchMilestones.None], record.Touches.Select(t => t.Milestones));
    }

    [Fact]
    public void Build_ArrivalOrder_DoesNotChangeRecords()
    {
        var touches = Enumerable.Range(0, 20).Select(i => Touch($"t{i}", T0.AddHours(-i * 7), $"ch{i % 3}")).ToList();
        var conversions = new[] { new ConversionEvent("x", T0, 3, null), new ConversionEvent("y", T0.AddHours(-50), 4, null) };

        var forward = ConversionWindows.Build("c", touches, conversions, Week, Later).Records;
        var backward = ConversionWindows.Build("c", Enumerable.Reverse(touches), conversions.Reverse(), Week, Later).Records;

        Assert.Equal(forward.Select(AttributionSync.Fingerprint), backward.Select(AttributionSync.Fingerprint));
    }
}
