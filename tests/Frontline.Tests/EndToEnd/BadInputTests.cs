using Frontline.Tests.Infrastructure;
using System.Net;
using System.Text;

namespace Frontline.Tests.EndToEnd;

/// <summary>The bad-input list of the first slice, over HTTP: a clear error naming the field, and nothing changed.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    private const string RecordTouches = "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates rejected { index field reason code } } }";

    private static object Touch(string customer, string? eventId, string action = "ContentViewed", DateTimeOffset? at = null, decimal? value = null) => new
    {
        eventId, customerId = customer, action, channel = "Facebook", occurredAt = (at ?? DateTimeOffset.UtcNow.AddMinutes(-5)).ToString("O"), source = "test", value,
    };

    private async Task<int> JourneyLengthAsync(string customer)
    {
        var data = await fixture.GraphQL.DataAsync("query($id: ID!) { customer(id: $id) { touchCount conversionCount } }", new { id = customer });
        return data.GetProperty("customer").ValueKind == System.Text.Json.JsonValueKind.Null ? 0
            : data.GetProperty("customer").GetProperty("touchCount").GetInt32() + data.GetProperty("customer").GetProperty("conversionCount").GetInt32();
    }

    [Theory]
    [InlineData("unknown action", "action")]
    [InlineData("missing eventId", "eventId")]
    [InlineData("far future", "occurredAt")]
    [InlineData("negative value", "value")]
    public async Task RecordTouches_BadTouch_RejectedNamingFieldAndJourneyUnchanged(string problem, string field)
    {
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var good = Touch(customer, customer + "-good");
        var bad = problem switch
        {
            "unknown action" => Touch(customer, customer + "-bad", action: "Teleported"),
            "missing eventId" => Touch(customer, null),
            "far future" => Touch(customer, customer + "-bad", at: DateTimeOffset.UtcNow.AddDays(2)),
            _ => Touch(customer, customer + "-bad", action: "ContractSigned", value: -10m),
        };

        var data = await fixture.GraphQL.DataAsync(RecordTouches, new { t = new[] { good, bad } });

        var result = data.GetProperty("recordTouches");
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal((1, field, "VALIDATION"), (rejection.GetProperty("index").GetInt32(), rejection.GetProperty("field").GetString(), rejection.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rejection.GetProperty("reason").GetString()));
        Assert.Equal(1, await JourneyLengthAsync(customer));
    }

    [Fact]
    public async Task RecordTouches_DuplicateEventId_CountedAsDuplicateOnce()
    {
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var touch = Touch(customer, customer + "-1");

        var first = await fixture.GraphQL.DataAsync(RecordTouches, new { t = new[] { touch, touch } });
        var second = await fixture.GraphQL.DataAsync(RecordTouches, new { t = new[] { touch } });

        Assert.Equal((1, 1), (first.GetProperty("recordTouches").GetProperty("accepted").GetInt32(), first.GetProperty("recordTouches").GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 1), (second.GetProperty("recordTouches").GetProperty("accepted").GetInt32(), second.GetProperty("recordTouches").GetProperty("duplicates").GetInt32()));
        Assert.Equal(1, await JourneyLengthAsync(customer));
    }

    [Fact]
    public async Task LogFollowUp_UnknownOpportunity_NotFoundNamingOpportunityId()
    {
        var (code, field, _) = await fixture.GraphQL.ErrorAsync(
            "mutation { logFollowUp(input: { opportunityId: \"no-such-opportunity\", progressed: false }) { id } }");

        Assert.Equal(("NOT_FOUND", "opportunityId"), (code, field));
        var data = await fixture.GraphQL.DataAsync("{ opportunity(id: \"no-such-opportunity\") { id } }");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("opportunity").ValueKind);
    }

    [Fact]
    public async Task CloseOpportunity_AlreadyClosed_InvalidStateAndStageUnchanged()
    {
        var unit = await fixture.GraphQL.NewUnitAsync();
        var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit, "closing-customer");
        const string Close = "mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage closeValue } }";
        await fixture.GraphQL.DataAsync(Close, new { c = new { opportunityId = opportunity, won = true, value = 250 } });

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(Close, new { c = new { opportunityId = opportunity, won = false } });

        Assert.Equal(("INVALID_STATE", "opportunityId"), (code, field));
        var data = await fixture.GraphQL.DataAsync("query($id: ID!) { opportunity(id: $id) { stage closeValue } unit(id: \"" + unit + "\") { wonCount lostCount wonValue } }", new { id = opportunity });
        Assert.Equal("WON", data.GetProperty("opportunity").GetProperty("stage").GetString());
        Assert.Equal((1, 0, 250m), (data.GetProperty("unit").GetProperty("wonCount").GetInt32(), data.GetProperty("unit").GetProperty("lostCount").GetInt32(), data.GetProperty("unit").GetProperty("wonValue").GetDecimal()));
    }

    [Fact]
    public async Task OpenOpportunity_UnknownUnit_NotFoundNamingUnitIdAndNothingCreated()
    {
        var opportunity = "opp-" + Guid.NewGuid().ToString("N");

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(
            "mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }", new { o = new { id = opportunity, unitId = "no-such-unit" } });

        Assert.Equal(("NOT_FOUND", "unitId"), (code, field));
        var data = await fixture.GraphQL.DataAsync("query($id: ID!) { opportunity(id: $id) { id } unit(id: \"no-such-unit\") { id } }", new { id = opportunity });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("opportunity").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task Post_MalformedJson_Http400WithBadRequestCode()
    {
        using var content = new StringContent("{\"query\": \"{ units { id } }\"", Encoding.UTF8, "application/json");

        using var response = await fixture.GraphQL.Http.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"BAD_REQUEST\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org@2018")]
    [InlineData("unit/")]
    [InlineData(" ")]
    public async Task Attribution_ScopeThatCannotExist_ValidationNamingScope(string scope)
    {
        var (code, field, _) = await fixture.GraphQL.ErrorAsync("query($s: String!) { attribution(scope: $s) { conversions } }", new { s = scope });

        Assert.Equal(("VALIDATION", "scope"), (code, field));
    }

    [Theory]
    [InlineData("{ unit(id: \"\") { id } }", "id")]
    [InlineData("{ customer(id: \" \") { id } }", "id")]
    [InlineData("{ opportunity(id: \"\") { id } }", "id")]
    [InlineData("mutation { logFollowUp(input: { opportunityId: \"\" }) { id } }", "opportunityId")]
    [InlineData("mutation { closeOpportunity(input: { opportunityId: \"\", won: false }) { id } }", "opportunityId")]
    [InlineData("mutation { registerUnit(input: { id: \"\", name: \"x\" }) { id } }", "id")]
    public async Task EmptyId_ValidationNamingTheField(string document, string expectedField)
    {
        var (code, field, _) = await fixture.GraphQL.ErrorAsync(document);

        Assert.Equal(("VALIDATION", expectedField), (code, field));
    }

    [Fact]
    public async Task CloseOpportunity_ValueBeyondTheMoneyLimit_ValidationAndTotalsStillAnswer()
    {
        var unit = await fixture.GraphQL.NewUnitAsync();
        var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit, "rich-customer");

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(
            "mutation { closeOpportunity(input: { opportunityId: \"" + opportunity + "\", won: true, value: 70000000000000000000000000000 }) { id } }");

        Assert.Equal(("VALIDATION", "value"), (code, field));
        var data = await fixture.GraphQL.DataAsync("{ units { id wonValue } attribution { value } }");
        Assert.Equal(0m, data.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == unit).GetProperty("wonValue").GetDecimal());
    }

    [Fact]
    public async Task Post_DocumentNestedBeyondParserLimit_Http400ParseFailed()
    {
        var document = "query { units { id " + string.Concat(Enumerable.Repeat("... on Unit { ", 3000)) + "id" + new string('}', 3000) + " } }";

        var (status, body) = await fixture.GraphQL.PostAsync(document);

        Assert.Equal(400, status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_BodyBeyondServerLimit_Http413PayloadTooLarge()
    {
        var padding = new string(' ', 31 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\": \"{ units { id } }\"" + padding + "}", Encoding.UTF8, "application/json"),
        };

        // Ask before sending, as large uploads should: the server answers from the declared length alone.
        request.Headers.ExpectContinue = true;
        using var response = await fixture.GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"PAYLOAD_TOO_LARGE\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
