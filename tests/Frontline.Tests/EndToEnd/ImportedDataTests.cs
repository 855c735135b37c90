using System.Globalization;
using System.Text.Json;
using Frontline.Abstractions.Attribution;
using Frontline.Tests.Reference;

namespace Frontline.Tests.EndToEnd;

/// <summary>The "Done when" figures of the first slice, read over GraphQL from a server that imported the shared data.</summary>
[Collection(ImportedServerCollection.Name)]
public sealed class ImportedDataTests(ImportedServerFixture fixture)
{
    private static readonly DateTimeOffset July = new(2018, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Units_AfterImport_SixUnitsWithFiveOrSixMembersAndCountsFromTheCsv()
    {
        var expected = CrmReference.Compute(SharedData.CrmDirectory);

        var data = await fixture.GraphQL.DataAsync("{ units { id name region members { name role } opportunityCount wonCount lostCount openCount wonValue } }");

        var units = data.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(6, units.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), units.Select(u => u.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        foreach (var unit in units)
        {
            var reference = expected[unit.GetProperty("id").GetString()!];
            Assert.InRange(unit.GetProperty("members").GetArrayLength(), 5, 6);
            Assert.Equal(
                (reference.Opportunities, reference.Won, reference.Lost, reference.Open, reference.WonValue),
                (unit.GetProperty("opportunityCount").GetInt32(), unit.GetProperty("wonCount").GetInt32(), unit.GetProperty("lostCount").GetInt32(),
                 unit.GetProperty("openCount").GetInt32(), unit.GetProperty("wonValue").GetDecimal()));
        }
    }

    [Theory]
    [InlineData(AttributionModel.Linear, "LINEAR")]
    [InlineData(AttributionModel.FirstTouch, "FIRST_TOUCH")]
    [InlineData(AttributionModel.LastTouch, "LAST_TOUCH")]
    public async Task Attribution_July2018ByChannel_EqualsIndependentComputation(AttributionModel model, string graphQLModel)
    {
        var expected = JourneyReference.Compute(SharedData.JourneysFile, July, July.AddMonths(1), model);

        var data = await fixture.GraphQL.DataAsync(
            $$"""{ attribution(model: {{graphQLModel}}, by: CHANNEL, from: "2018-07-01T00:00:00Z", to: "2018-08-01T00:00:00Z") { conversions value unattributed credits { key conversions value share } } }""");

        var report = data.GetProperty("attribution");
        Assert.Equal(expected.Conversions, report.GetProperty("conversions").GetInt32());
        Assert.Equal(expected.Value, report.GetProperty("value").GetDouble(), 6);
        Assert.Equal(expected.Unattributed, report.GetProperty("unattributed").GetInt32());
        var credits = report.GetProperty("credits").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(expected.ByChannel.Keys.Order(StringComparer.Ordinal), credits.Keys.Order(StringComparer.Ordinal));
        foreach (var (channel, credit) in expected.ByChannel)
        {
            Assert.Equal(credit.Conversions, credits[channel].GetProperty("conversions").GetDouble(), 6);
            Assert.Equal(credit.Value, credits[channel].GetProperty("value").GetDouble(), 6);
        }
    }

    [Fact]
    public void Import_FirstRun_AcceptsEveryRowAndRejectsNone()
    {
        Assert.Empty(fixture.FirstImport.Rejections);
        Assert.All(fixture.FirstImport.Tallies, t => Assert.Equal((t.Items, 0, 0), (t.Accepted, t.Duplicates, t.Rejected)));
        Assert.Equal(62_483, fixture.FirstImport.Tallies.Single(t => t.Kind.ToString().Contains("Touch", StringComparison.Ordinal)).Accepted);
    }

    [Fact]
    public async Task Import_SecondRun_EverythingDuplicateAndNoFigureChanges()
    {
        Assert.Empty(fixture.SecondImport.Rejections);
        Assert.All(fixture.SecondImport.Tallies, t => Assert.Equal((0, t.Items, 0), (t.Accepted, t.Duplicates, t.Rejected)));

        var figures = (await fixture.GraphQL.DataAsync(ImportedServerFixture.FiguresQuery)).ToString();
        Assert.Equal(fixture.FiguresAfterFirstImport, figures);
    }

    [Fact]
    public async Task Customer_ImportedAccount_B2BWithWonOpportunitiesAsConversions()
    {
        var data = await fixture.GraphQL.DataAsync("""{ customer(id: "Cancity") { id segment industry conversionCount health { score band factors { name points } } } }""");

        var customer = data.GetProperty("customer");
        Assert.Equal("B2B", customer.GetProperty("segment").GetString());
        var wonForCancity = ReferenceCsv.Rows(Path.Combine(SharedData.CrmDirectory, "sales_pipeline.csv")).Count(r => r[3] == "Cancity" && r[4] == "Won");
        Assert.Equal(wonForCancity, customer.GetProperty("conversionCount").GetInt32());
        Assert.Equal(4, customer.GetProperty("health").GetProperty("factors").GetArrayLength());
    }

    [Fact]
    public async Task Opportunity_ImportedWon_StageHistoryFromCsvDates()
    {
        var data = await fixture.GraphQL.DataAsync("""{ opportunity(id: "1C1I7A6R") { id stage unitId customerId closeValue stalledStreak stageHistory { stage at } escalations { id } } }""");

        var opportunity = data.GetProperty("opportunity");
        Assert.Equal("WON", opportunity.GetProperty("stage").GetString());
        Assert.Equal("Cancity", opportunity.GetProperty("customerId").GetString());
        Assert.Equal(1054m, opportunity.GetProperty("closeValue").GetDecimal());
        Assert.Equal(0, opportunity.GetProperty("stalledStreak").GetInt32());
        var history = opportunity.GetProperty("stageHistory").EnumerateArray()
            .Select(h => (h.GetProperty("stage").GetString(), DateTimeOffset.Parse(h.GetProperty("at").GetString()!, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([("ENGAGING", new DateTimeOffset(2016, 10, 20, 0, 0, 0, TimeSpan.Zero)), ("WON", new DateTimeOffset(2017, 3, 1, 0, 0, 0, TimeSpan.Zero))], history);
        Assert.Equal(JsonValueKind.Array, opportunity.GetProperty("escalations").ValueKind);
    }
}
