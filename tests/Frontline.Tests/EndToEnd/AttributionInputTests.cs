using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>Hostile input on the attribution surface: each refused with VALIDATION naming the field, nothing stored.</summary>
[Collection(ServerCollection.Name)]
public sealed class AttributionInputTests(ServerFixture fixture)
{
    private const string Import = "mutation($s: String!, $p: [PathInput!]!) { importPaths(scope: $s, paths: $p) }";

    [Theory]
    [InlineData("org")]
    [InlineData("segment/B2C")]
    [InlineData("unit/dustin-brinkmann")]
    public async Task ImportPaths_LiveScope_ValidationAndScopeUnchanged(string scope)
    {
        var before = (await fixture.GraphQL.DataAsync("query($s: String!) { attribution(scope: $s) { conversions } }", new { s = scope })).ToString();

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(Import, new { s = scope, p = new[] { new { path = "a > b", conversions = 1, value = 2, nulls = 3 } } });

        Assert.Equal(("VALIDATION", "scope"), (code, field));
        Assert.Equal(before, (await fixture.GraphQL.DataAsync("query($s: String!) { attribution(scope: $s) { conversions } }", new { s = scope })).ToString());
    }

    [Theory]
    [InlineData("a >  > b", 1, 1, 0, "paths[0].path")]
    [InlineData("a > b", 0.5, 1, 0, "paths[0].conversions")]
    [InlineData("a > b", 1e200, 1, 0, "paths[0].conversions")]
    [InlineData("a > b", 1, 1e200, 0, "paths[0].value")]
    [InlineData("a > b", 0, 100, 1, "paths[0].value")]
    [InlineData("a > b", 1, 1, -1, "paths[0].nulls")]
    public async Task ImportPaths_BadPath_ValidationNamingTheFieldAndNothingStored(string path, double conversions, double value, double nulls, string expectedField)
    {
        var scope = "paths/bad-" + Guid.NewGuid().ToString("N");

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(Import, new { s = scope, p = new[] { new { path, conversions, value, nulls } } });

        Assert.Equal(("VALIDATION", expectedField), (code, field));
        var data = await fixture.GraphQL.DataAsync("query($s: String!) { pathStats(scope: $s) { journeys } }", new { s = scope });
        Assert.Equal(0, data.GetProperty("pathStats").GetProperty("journeys").GetDouble());
    }

    [Fact]
    public async Task Attribution_ImportedPathsByAction_SameTotalsAllUnattributed()
    {
        var scope = "paths/by-action-" + Guid.NewGuid().ToString("N");
        await fixture.GraphQL.DataAsync(Import, new { s = scope, p = new[] { new { path = "a > b", conversions = 3, value = 30, nulls = 2 } } });

        var data = await fixture.GraphQL.DataAsync(
            "query($s: String!) { c: attribution(scope: $s, by: CHANNEL) { conversions value nulls unattributed } a: attribution(scope: $s, by: ACTION) { conversions value nulls unattributed credits { key } } }",
            new { s = scope });

        Assert.Equal((3, 30m, 2, 0), Totals(data.GetProperty("c")));
        Assert.Equal((3, 30m, 2, 3), Totals(data.GetProperty("a")));
        Assert.Equal(0, data.GetProperty("a").GetProperty("credits").GetArrayLength());
    }

    [Fact]
    public async Task Attribution_MarkovOnNullsOnly_NoZeroCreditLines()
    {
        var scope = "paths/nulls-" + Guid.NewGuid().ToString("N");
        await fixture.GraphQL.DataAsync(Import, new { s = scope, p = new[] { new { path = "a > b", conversions = 0, value = 0, nulls = 4 } } });

        var data = await fixture.GraphQL.DataAsync("query($s: String!) { attribution(scope: $s, model: MARKOV) { conversions nulls credits { key } } }", new { s = scope });

        Assert.Equal(0, data.GetProperty("attribution").GetProperty("credits").GetArrayLength());
        Assert.Equal(4, data.GetProperty("attribution").GetProperty("nulls").GetInt32());
    }

    [Fact]
    public async Task RecordTouches_ControlCharacterInCustomerId_RejectedNamingCustomerId()
    {
        var data = await fixture.GraphQL.DataAsync(
            "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted rejected { field } } }",
            new { t = new[] { new { eventId = "nul-1", customerId = "nul\u0000cust", action = "ContentViewed", channel = "Web", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") } } });

        Assert.Equal(0, data.GetProperty("recordTouches").GetProperty("accepted").GetInt32());
        Assert.Equal("customerId", data.GetProperty("recordTouches").GetProperty("rejected")[0].GetProperty("field").GetString());
    }

    private static (int, decimal, int, int) Totals(System.Text.Json.JsonElement report) =>
        (report.GetProperty("conversions").GetInt32(), report.GetProperty("value").GetDecimal(), report.GetProperty("nulls").GetInt32(), report.GetProperty("unattributed").GetInt32());
}
