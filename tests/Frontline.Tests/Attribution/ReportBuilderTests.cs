using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution;

namespace Frontline.Tests.Attribution;

public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static ConversionRecord Record(string id, DateTimeOffset at, decimal value, params string[] channels) => new()
    {
        Id = id,
        CustomerId = id,
        At = at,
        Value = value,
        Touches = [.. channels.Select((c, i) => new CreditedTouch { Action = "ContentViewed", Channel = c, OccurredAt = at.AddMinutes(i - channels.Length) })],
    };

    [Fact]
    public void Build_PeriodIsHalfOpen_IncludesFromExcludesTo()
    {
        var records = new[] { Record("a", T0, 10, "x"), Record("b", T0.AddHours(1), 20, "y"), Record("c", T0.AddHours(2), 40, "z") };

        var report = AttributionReportBuilder.Build("org", new AttributionQuery { From = T0, To = T0.AddHours(2) }, records);

        Assert.Equal(2, report.Conversions);
        Assert.Equal(30m, report.Value);
        Assert.Equal(["y", "x"], report.Credits.Select(c => c.Key));
    }

    [Fact]
    public void Build_ConversionWithoutTouches_CountedAsUnattributed()
    {
        var records = new[] { Record("a", T0, 10, "x"), Record("b", T0, 5) };

        var report = AttributionReportBuilder.Build("org", new AttributionQuery(), records);

        Assert.Equal(2, report.Conversions);
        Assert.Equal(15m, report.Value);
        Assert.Equal(1, report.Unattributed);
        Assert.Equal(5m, report.UnattributedValue);
        Assert.Equal(1.0, Assert.Single(report.Credits).Share);
    }

    [Fact]
    public void Build_TopAndBottom_ThreeEachByValueThenConversionsThenKey()
    {
        var records = new[]
        {
            Record("1", T0, 50, "a"), Record("2", T0, 40, "b"), Record("3", T0, 30, "c"),
            Record("4", T0, 20, "d"), Record("5", T0, 10, "e"), Record("6", T0, 10, "f"),
        };

        var report = AttributionReportBuilder.Build("org", new AttributionQuery { Model = AttributionModel.LastTouch }, records);

        Assert.Equal(["a", "b", "c"], report.Top.Select(c => c.Key));
        Assert.Equal(["e", "f", "d"], report.Bottom.Select(c => c.Key));
    }

    [Fact]
    public void Build_ByAction_UsesActionKeys()
    {
        var record = new ConversionRecord
        {
            Id = "x",
            CustomerId = "x",
            At = T0,
            Value = 9,
            Touches =
            [
                new CreditedTouch { Action = "DemoDelivered", Channel = "Field", OccurredAt = T0.AddDays(-2) },
                new CreditedTouch { Action = "ProposalSent", Channel = "Email", OccurredAt = T0.AddDays(-1) },
                new CreditedTouch { Action = "DemoDelivered", Channel = "Field", OccurredAt = T0.AddHours(-1) },
            ],
        };

        var report = AttributionReportBuilder.Build("org", new AttributionQuery { Model = AttributionModel.Linear, By = AttributionDimension.Action }, [record]);

        Assert.Equal(6.0, report.Credits.Single(c => c.Key == "DemoDelivered").Value, 9);
        Assert.Equal(1.0 / 3, report.Credits.Single(c => c.Key == "ProposalSent").Conversions, 9);
    }
}
