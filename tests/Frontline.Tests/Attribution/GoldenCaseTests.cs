using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution;

namespace Frontline.Tests.Attribution;

/// <summary>Golden cases A-C (../shared/golden/attribution.md) for the heuristic models, through the pure code.</summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<string, AttributionModel, string, double> Expected => new()
    {
        { "A", AttributionModel.FirstTouch, "A", 3 },
        { "A", AttributionModel.LastTouch, "A", 3 },
        { "A", AttributionModel.Linear, "A", 2.1 },
        { "A", AttributionModel.Linear, "B", 0.9 },
        { "B", AttributionModel.FirstTouch, "direct", 2 },
        { "B", AttributionModel.FirstTouch, "search", 8 },
        { "B", AttributionModel.LastTouch, "direct", 2 },
        { "B", AttributionModel.LastTouch, "email", 8 },
        { "B", AttributionModel.Linear, "direct", 2 },
        { "B", AttributionModel.Linear, "search", 19.0 / 6 },
        { "B", AttributionModel.Linear, "email", 19.0 / 6 },
        { "B", AttributionModel.Linear, "social", 5.0 / 3 },
        { "C", AttributionModel.FirstTouch, "a", 4 },
        { "C", AttributionModel.LastTouch, "b", 3 },
        { "C", AttributionModel.LastTouch, "c", 1 },
        { "C", AttributionModel.Linear, "a", 2 },
        { "C", AttributionModel.Linear, "b", 1.5 },
        { "C", AttributionModel.Linear, "c", 0.5 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Build_GoldenCase_CreditsMatchPublishedFigures(string goldenCase, AttributionModel model, string key, double expected)
    {
        var report = AttributionReportBuilder.Build("test", new AttributionQuery { Model = model, By = AttributionDimension.Channel }, GoldenPaths.Records(Case(goldenCase)));

        var line = Assert.Single(report.Credits, l => l.Key == key);
        Assert.Equal(expected, line.Conversions, 9);
        Assert.Equal(expected, line.Value, 9);
    }

    [Theory]
    [InlineData("A", AttributionModel.FirstTouch, 1)]
    [InlineData("A", AttributionModel.LastTouch, 1)]
    [InlineData("B", AttributionModel.Linear, 4)]
    [InlineData("C", AttributionModel.FirstTouch, 1)]
    public void Build_GoldenCase_OnlyKeysWithCreditAreListed(string goldenCase, AttributionModel model, int keys)
    {
        var report = AttributionReportBuilder.Build("test", new AttributionQuery { Model = model }, GoldenPaths.Records(Case(goldenCase)));

        Assert.Equal(keys, report.Credits.Length);
        Assert.Equal(1, report.Credits.Sum(c => c.Share), 9);
        Assert.Equal(report.Conversions - report.Unattributed, report.Credits.Sum(c => c.Conversions), 9);
    }

    private static (string, int, int)[] Case(string name) => name switch
    {
        "A" => GoldenPaths.CaseA,
        "B" => GoldenPaths.CaseB,
        _ => GoldenPaths.CaseC,
    };
}
