using Frontline.Abstractions.Customers;
using Frontline.Grains.Attribution;

namespace Frontline.Tests.Attribution;

public sealed class ConversionWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2018, 7, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static JourneyTouch Touch(string id, DateTimeOffset at, string channel = "Facebook") =>
        new() { EventId = id, Action = "ContentViewed", Channel = channel, OccurredAt = at };

    [Fact]
    public void Build_TouchOlderThanWindow_NotCredited()
    {
        var touches = new[] { Touch("old", T0 - Week), Touch("in", T0 - Week + TimeSpan.FromSeconds(1)), Touch("at", T0), Touch("after", T0.AddSeconds(1)) };

        var record = Assert.Single(ConversionWindows.Build("c", touches, [new ConversionEvent("conv", T0, 5, null)], Week));

        Assert.Equal([T0 - Week + TimeSpan.FromSeconds(1), T0], record.Touches.Select(t => t.OccurredAt));
    }

    [Fact]
    public void Build_SecondConversion_CreditsOnlyTouchesAfterTheFirst()
    {
        var touches = new[] { Touch("1", T0.AddHours(-2), "a"), Touch("2", T0.AddHours(1), "b"), Touch("3", T0.AddHours(2), "c") };
        var conversions = new[] { new ConversionEvent("second", T0.AddHours(3), 2, null), new ConversionEvent("first", T0, 1, null) };

        var records = ConversionWindows.Build("c", touches, conversions, Week);

        Assert.Equal(["first", "second"], records.Select(r => r.Id));
        Assert.Equal(["a"], records[0].Touches.Select(t => t.Channel));
        Assert.Equal(["b", "c"], records[1].Touches.Select(t => t.Channel));
    }

    [Fact]
    public void Build_NoTouchInWindow_RecordWithoutTouches()
    {
        var record = Assert.Single(ConversionWindows.Build("c", [Touch("1", T0.AddDays(-30))], [new ConversionEvent("x", T0, 3, "u")], Week));

        Assert.Empty(record.Touches);
        Assert.Equal("u", record.UnitId);
    }

    [Fact]
    public void Build_ArrivalOrder_DoesNotChangeRecords()
    {
        var touches = Enumerable.Range(0, 20).Select(i => Touch($"t{i}", T0.AddHours(-i * 7), $"ch{i % 3}")).ToList();
        var conversions = new[] { new ConversionEvent("x", T0, 3, null), new ConversionEvent("y", T0.AddHours(-50), 4, null) };

        var forward = ConversionWindows.Build("c", touches, conversions, Week);
        var backward = ConversionWindows.Build("c", Enumerable.Reverse(touches), conversions.Reverse(), Week);

        Assert.Equal(forward.Select(AttributionSync.Fingerprint), backward.Select(AttributionSync.Fingerprint));
    }
}
