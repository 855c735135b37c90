using System.Text.Json;
using Frontline.Abstractions.Attribution;
using Frontline.Tests.Attribution;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>Golden cases A-C over GraphQL on a real server: each case imported into its own scope, then read with every model.</summary>
[Collection(ServerCollection.Name)]
public sealed class GoldenAttributionTests(ServerFixture fixture)
{
    private const double Tolerance = 1e-9;

    private const string ReportFields = "conversions value unattributed nulls conversionProbability removalEffects { key effect } credits { key conversions value share }";

    public static TheoryData<string, AttributionModel> CreditCases => GoldenFigures.CreditCases();

    public static TheoryData<string> Cases => ["A", "B", "C"];

    [Theory]
    [MemberData(nameof(CreditCases))]
    public async Task Attribution_ImportedGoldenCase_CreditsMatchGoldenFigures(string goldenCase, AttributionModel model)
    {
        var rows = GoldenFigures.Rows(goldenCase);
        var expected = GoldenFigures.CreditsOf(goldenCase, model);

        var report = await ImportAndReadAsync(goldenCase, model);

        Assert.Equal(rows.Sum(r => r.Conversions), report.GetProperty("conversions").GetInt32());
        Assert.Equal(rows.Sum(r => r.Conversions), report.GetProperty("value").GetDouble(), Tolerance);
        Assert.Equal(rows.Sum(r => r.Nulls), report.GetProperty("nulls").GetInt32());
        Assert.Equal(0, report.GetProperty("unattributed").GetInt32());
        var credits = report.GetProperty("credits").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), credits.Keys.Order(StringComparer.Ordinal));
        var total = expected.Values.Sum();
        foreach (var (key, credit) in expected)
        {
            Assert.Equal(credit, credits[key].GetProperty("conversions").GetDouble(), Tolerance);
            Assert.Equal(credit, credits[key].GetProperty("value").GetDouble(), Tolerance);
            Assert.Equal(credit / total, credits[key].GetProperty("share").GetDouble(), Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attribution_ImportedGoldenCaseMarkov_ConversionProbabilityAndRawRemovalEffects(string goldenCase)
    {
        var expected = GoldenFigures.Markov.Single(m => m.Case == goldenCase);

        var report = await ImportAndReadAsync(goldenCase, AttributionModel.Markov);

        Assert.Equal(expected.ConversionProbability, report.GetProperty("conversionProbability").GetDouble(), Tolerance);
        var effects = report.GetProperty("removalEffects").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("effect").GetDouble());
        Assert.Equal(expected.RemovalEffects.Keys.Order(StringComparer.Ordinal), effects.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, effect) in expected.RemovalEffects)
        {
            Assert.Equal(effect, effects[key], Tolerance);
        }
    }

    [Theory]
    [InlineData(AttributionModel.Linear)]
    [InlineData(AttributionModel.Shapley)]
    public async Task Attribution_ImportedGoldenCaseNotMarkov_NoProbabilityNorRemovalEffects(AttributionModel model)
    {
        var report = await ImportAndReadAsync("B", model);

        Assert.Equal(JsonValueKind.Null, report.GetProperty("conversionProbability").ValueKind);
        Assert.Equal(0, report.GetProperty("removalEffects").GetArrayLength());
    }

    private async Task<JsonElement> ImportAndReadAsync(string goldenCase, AttributionModel model)
    {
        var scope = $"golden/{goldenCase}-{Guid.NewGuid():N}";
        var rows = GoldenFigures.Rows(goldenCase);
        Assert.Equal(rows.Length, await fixture.GraphQL.ImportPathsAsync(scope, GoldenPaths.Tallies(rows)));

        var data = await fixture.GraphQL.DataAsync(
            $"query($s: String!) {{ attribution(scope: $s, model: {model.GraphQLName()}, by: CHANNEL) {{ {ReportFields} }} }}",
            new { s = scope });
        return data.GetProperty("attribution");
    }
}
