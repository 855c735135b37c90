using System.Globalization;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution;
using Frontline.Grains.Attribution.Models;
using Frontline.Tests.Reference;
using Xunit.Abstractions;

namespace Frontline.Tests.Attribution;

/// <summary>
/// The 10,000 aggregated paths of ../shared/data/channelattribution-pathdata (SOURCE.md: 19,785 conversions,
/// value 74,802.972, 68,602 nulls, 12 channels) through the product's imported-path report, against an independent
/// reading of the file for the simple models, and as a sanity run of MARKOV and SHAPLEY.
/// </summary>
public sealed class PathDataTests(ITestOutputHelper output)
{
    private const double TotalConversions = 19_785, TotalValue = 74_802.972, TotalNulls = 68_602;
    private const double Relative = 1e-9, RelativeModel = 1e-6;

    private static readonly Lazy<IReadOnlyList<PathDataRow>> Rows = new(() => PathDataReference.Read(SharedData.PathDataFile));

    [Fact]
    public void Read_PathDataFile_TotalsMatchSource()
    {
        var rows = Rows.Value;

        Assert.Equal(10_000, rows.Count);
        Assert.Equal(TotalConversions, rows.Sum(r => r.Conversions));
        // SOURCE.md prints the value rounded to three decimals; the rows sum to 74,802.97158...
        Assert.Equal(TotalValue, Math.Round(rows.Sum(r => r.Value), 3));
        Assert.Equal(TotalNulls, rows.Sum(r => r.Nulls));
        Assert.Equal(12, rows.SelectMany(r => r.Channels).Distinct().Count());
    }

    [Theory]
    [InlineData(AttributionModel.FirstTouch)]
    [InlineData(AttributionModel.LastTouch)]
    [InlineData(AttributionModel.Linear)]
    public void FromImportedPaths_PathDataFile_EqualsIndependentComputation(AttributionModel model)
    {
        var expected = PathDataReference.Credit(Rows.Value, model);

        var report = Report(model);

        Assert.Equal((int)TotalConversions, report.Conversions);
        Assert.Equal((int)TotalNulls, report.Nulls);
        AssertClose(Rows.Value.Sum(r => r.Value), (double)report.Value, Relative);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), report.Credits.Select(c => c.Key).Order(StringComparer.Ordinal));
        foreach (var line in report.Credits)
        {
            AssertClose(expected[line.Key].Conversions, line.Conversions, Relative);
            AssertClose(expected[line.Key].Value, line.Value, Relative);
        }
    }

    [Theory]
    [InlineData(AttributionModel.Markov)]
    [InlineData(AttributionModel.Shapley)]
    public void Build_PathDataFileDataDriven_CreditsEveryChannelAndSumToTotals(AttributionModel model)
    {
        var report = Report(model);

        Print(report);
        AssertClose(TotalConversions, report.Credits.Sum(c => c.Conversions), RelativeModel);
        AssertClose(TotalValue, report.Credits.Sum(c => c.Value), RelativeModel);
        Assert.Equal(12, report.Credits.Length);
        Assert.All(report.Credits, c => Assert.True(c.Conversions > 0 && c.Value > 0, $"{c.Key} got {c.Conversions} / {c.Value}"));
        if (model == AttributionModel.Markov)
        {
            Assert.NotNull(report.ConversionProbability);
            Assert.InRange(report.ConversionProbability.Value, 0, 1);
            Assert.Equal(12, report.RemovalEffects.Length);
            Assert.All(report.RemovalEffects, e => Assert.InRange(e.Effect, 0, 1));
        }
    }

    private static AttributionReport Report(AttributionModel model)
    {
        var query = new AttributionQuery { Model = model, By = AttributionDimension.Channel };
        var tallies = Rows.Value.Select(r => new PathTally { Path = [.. r.Channels], Conversions = r.Conversions, Value = r.Value, Nulls = r.Nulls }).ToList();
        return AttributionReportBuilder.Build("paths", query, [AttributionReportBuilder.FromImportedPaths(tallies, query, HeuristicSettings.Default)]);
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private void Print(AttributionReport report)
    {
        output.WriteLine(FormattableString.Invariant($"{report.Model}: P(conversion) {report.ConversionProbability}"));
        foreach (var line in report.Credits)
        {
            var effect = report.RemovalEffects.FirstOrDefault(e => e.Key == line.Key)?.Effect;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line.Key,-8} conversions {line.Conversions,12:F4} value {line.Value,12:F4} share {line.Share:P2}{(effect is { } e ? $" removal effect {e:F6}" : "")}"));
        }
    }
}
