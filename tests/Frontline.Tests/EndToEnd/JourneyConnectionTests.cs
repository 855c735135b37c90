namespace Frontline.Tests.EndToEnd;

/// <summary>Customer.journey as a connection: pages in time order that stay put when late events arrive.</summary>
[Collection(ServerCollection.Name)]
public sealed class JourneyConnectionTests(ServerFixture fixture)
{
    private const string Page = "query($c: ID!, $n: Int, $a: String) { customer(id: $c) { journey(first: $n, after: $a) { totalCount edges { cursor node { eventId action channel occurredAt value } } pageInfo { hasNextPage endCursor } } } }";

    private async Task RecordAsync(string customer, params (string Id, int HoursAgo)[] touches) =>
        await fixture.GraphQL.DataAsync(
            "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
            new { t = touches.Select(t => new { eventId = t.Id, customerId = customer, action = "ContentViewed", channel = "Web", occurredAt = DateTimeOffset.UtcNow.AddHours(-t.HoursAgo).ToString("O") }) });

    [Fact]
    public async Task Journey_TwoPages_TimeOrderAndLateEventBeforeTheCursorDoesNotShiftThePage()
    {
        var customer = "journey-" + Guid.NewGuid().ToString("N");
        await RecordAsync(customer, ("e5", 5), ("e1", 9), ("e3", 7), ("e4", 6), ("e2", 8));

        var first = (await fixture.GraphQL.DataAsync(Page, new { c = customer, n = 2 })).GetProperty("customer").GetProperty("journey");
        Assert.Equal(5, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(["e1", "e2"], first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        // A late event that sorts before the cursor must not reappear or push e3 off the next page.
        await RecordAsync(customer, ("e0", 20));
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await fixture.GraphQL.DataAsync(Page, new { c = customer, n = 10, a = cursor })).GetProperty("customer").GetProperty("journey");

        Assert.Equal(6, second.GetProperty("totalCount").GetInt32());
        Assert.Equal(["e3", "e4", "e5"], second.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData(-1, null, "first")]
    [InlineData(501, null, "first")]
    [InlineData(10, "not-a-cursor", "after")]
    public async Task Journey_BadPaging_ValidationNamingTheArgument(int first, string? after, string expectedField)
    {
        var customer = "journey-" + Guid.NewGuid().ToString("N");
        await RecordAsync(customer, ("x1", 1));

        var (code, field, _) = await fixture.GraphQL.ErrorAsync(Page, new { c = customer, n = first, a = after });

        Assert.Equal(("VALIDATION", expectedField), (code, field));
    }
}
