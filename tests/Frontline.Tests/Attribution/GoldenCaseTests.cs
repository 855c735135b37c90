using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Tests.Attribution;

/// <summary>
/// Golden cases A-C (../shared/golden/attribution.md) for every model, through the pure code: from conversion
/// records, from imported paths, and straight through <see cref="MarkovModel"/> and <see cref="ShapleyModel"/>.
/// </summary>
public sealed class GoldenCaseTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string, AttributionModel> CreditCases => GoldenFigures.CreditCases();

    public static TheoryData<string> Cases => ["A", "B", "C"];

    [Theory]
    [MemberData(nameof(CreditCases))]
    public void Build_GoldenCaseRecords_CreditsMatchGoldenFigures(string goldenCase, AttributionModel model)
    {
        var report = AttributionReportBuilder.Build("test", new AttributionQuery { Model = model, By = AttributionDimension.Channel }, GoldenPaths.Records(GoldenFigures.Rows(goldenCase)));

        AssertCredits(GoldenFigures.CreditsOf(goldenCase, model), report);
    }

    [Theory]
    [MemberData(nameof(CreditCases))]
    public void FromImportedPaths_GoldenCase_CreditsMatchGoldenFigures(string goldenCase, AttributionModel model)
    {
        var report = ImportedReport(goldenCase, model);

        AssertCredits(GoldenFigures.CreditsOf(goldenCase, model), report);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MarkovCompute_GoldenCase_ProbabilityRemovalEffectsAndCreditsExact(string goldenCase)
    {
        var expected = GoldenFigures.Markov.Single(m => m.Case == goldenCase);

        var result = MarkovModel.Compute(GoldenPaths.PathCounts(GoldenFigures.Rows(goldenCase)));

        Assert.Equal(expected.ConversionProbability, result.ConversionProbability, Tolerance);
        Assert.Equal(expected.RemovalEffects.Keys.Order(StringComparer.Ordinal), result.RemovalEffects.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, effect) in expected.RemovalEffects)
        {
            Assert.Equal(effect, result.RemovalEffects[key], Tolerance);
        }

        AssertCredits(GoldenFigures.CreditsOf(goldenCase, AttributionModel.Markov), result.Credits);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShapleyCompute_GoldenCase_CreditsExact(string goldenCase)
    {
        var credits = ShapleyModel.Compute(GoldenPaths.PathCounts(GoldenFigures.Rows(goldenCase)));

        AssertCredits(GoldenFigures.CreditsOf(goldenCase, AttributionModel.Shapley), credits);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_ImportedGoldenCaseMarkov_ReportsProbabilityAndRawRemovalEffects(string goldenCase)
    {
        var expected = GoldenFigures.Markov.Single(m => m.Case == goldenCase);

        var report = ImportedReport(goldenCase, AttributionModel.Markov);

        Assert.NotNull(report.ConversionProbability);
        Assert.Equal(expected.ConversionProbability, report.ConversionProbability.Value, Tolerance);
        Assert.Equal(expected.RemovalEffects.Keys.Order(StringComparer.Ordinal), report.RemovalEffects.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(report.RemovalEffects, e => Assert.Equal(expected.RemovalEffects[e.Key], e.Effect, Tolerance));
        Assert.Equal(report.RemovalEffects.Select(e => e.Effect).OrderDescending(), report.RemovalEffects.Select(e => e.Effect));
    }

    [Theory]
    [InlineData("A", AttributionModel.FirstTouch, 1)]
    [InlineData("A", AttributionModel.LastTouch, 1)]
    [InlineData("B", AttributionModel.Linear, 4)]
    [InlineData("C", AttributionModel.FirstTouch, 1)]
    public void Build_GoldenCase_OnlyKeysWithCreditAreListed(string goldenCase, AttributionModel model, int keys)
    {
        var report = AttributionReportBuilder.Build("test", new AttributionQuery { Model = model }, GoldenPaths.Records(GoldenFigures.Rows(goldenCase)));

        Assert.Equal(keys, report.Credits.Length);
        Assert.Equal(1, report.Credits.Sum(c => c.Share), Tolerance);
        Assert.Equal(report.Conversions - report.Unattributed, report.Credits.Sum(c => c.Conversions), Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_GoldenCaseImportedAndRecords_SameTotals(string goldenCase)
    {
        var rows = GoldenFigures.Rows(goldenCase);

        var imported = ImportedReport(goldenCase, AttributionModel.Linear);
        var recorded = AttributionReportBuilder.Build("test", new AttributionQuery(), GoldenPaths.Records(rows));

        Assert.Equal(rows.Sum(r => r.Conversions), imported.Conversions);
        Assert.Equal(rows.Sum(r => r.Nulls), imported.Nulls);
        Assert.Equal((recorded.Conversions, recorded.Value, recorded.Nulls, recorded.Unattributed), (imported.Conversions, imported.Value, imported.Nulls, imported.Unattributed));
    }

    private static AttributionReport ImportedReport(string goldenCase, AttributionModel model)
    {
        var query = new AttributionQuery { Model = model, By = AttributionDimension.Channel };
        var slice = AttributionReportBuilder.FromImportedPaths(GoldenPaths.Tallies(GoldenFigures.Rows(goldenCase)), query, HeuristicSettings.Default);
        return AttributionReportBuilder.Build("test", query, [slice]);
    }

    private static void AssertCredits(IReadOnlyDictionary<string, double> expected, AttributionReport report)
    {
        AssertCredits(expected, report.Credits.ToDictionary(c => c.Key, c => new KeyCredit(c.Conversions, c.Value)));
        var total = expected.Values.Sum();
        Assert.All(report.Credits, c => Assert.Equal(expected[c.Key] / total, c.Share, Tolerance));
    }

    private static void AssertCredits(IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, KeyCredit> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, credit) in expected)
        {
            Assert.Equal(credit, actual[key].Conversions, Tolerance);
            Assert.Equal(credit, actual[key].Value, Tolerance);
        }
    }
}
