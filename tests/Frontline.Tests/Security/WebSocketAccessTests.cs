using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>
/// The role x subscription matrix over WebSocket with the npm graphql-ws client (credentials in connection_init), and
/// the 4403 close for connections without usable credentials.
/// </summary>
[Collection(SecurityServerCollection.Name)]
public sealed class WebSocketAccessTests(SecurityServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Escalations = "subscription($u: ID!) { escalationRaised(unitId: $u) { unitId opportunityId } }";
    private const string Reports = "subscription($s: String!) { attributionUpdated(scope: $s, model: LAST_TOUCH) { scope conversions } }";

    [Theory]
    [InlineData(FrontlineRoles.Hq)]
    [InlineData(FrontlineRoles.UnitLead)]
    [InlineData(FrontlineRoles.UnitMember)]
    public async Task EscalationRaised_OwnUnit_Delivered(string role)
    {
        await using var client = await NodeSubscriptionClient.StartAsync(fixture.WebSocketUri, Escalations, new { u = fixture.North }, 1, Timeout, fixture.TokenFor(role));
        await client.WaitReadyAsync(Timeout);

        var result = await client.FirstResultAsync(StallNorthThreeTimesAsync);

        Assert.Equal(fixture.North, result.Payload.GetProperty("data").GetProperty("escalationRaised").GetProperty("unitId").GetString());
    }

    [Theory]
    [InlineData(FrontlineRoles.UnitLead, "south")]
    [InlineData(FrontlineRoles.UnitMember, "south")]
    [InlineData(FrontlineRoles.Customer, "north")]
    [InlineData(FrontlineRoles.Integrator, "north")]
    [InlineData(FrontlineRoles.Operator, "north")]
    public async Task EscalationRaised_NotOwnUnit_Forbidden(string role, string unit)
    {
        var unitId = unit == "north" ? fixture.North : fixture.South;
        await using var client = await NodeSubscriptionClient.StartAsync(fixture.WebSocketUri, Escalations, new { u = unitId }, 1, Timeout, fixture.TokenFor(role));

        Assert.Contains("FORBIDDEN", await FailureAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttributionUpdated_UnitLeadOwnUnitScope_Delivered()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(fixture.WebSocketUri, Reports, new { s = "unit/" + fixture.North }, 1, Timeout, fixture.TokenFor(FrontlineRoles.UnitLead));
        await client.WaitReadyAsync(Timeout);

        var result = await client.FirstResultAsync(async () =>
        {
            var opportunity = await fixture.Hq.NewOpportunityAsync(fixture.North, fixture.NorthCustomer);
            await fixture.Hq.DataAsync("mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }", new { c = new { opportunityId = opportunity, won = true, value = 10 } });
        });

        Assert.Equal("unit/" + fixture.North, result.Payload.GetProperty("data").GetProperty("attributionUpdated").GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData(FrontlineRoles.UnitLead, "org")]
    [InlineData(FrontlineRoles.UnitMember, "unit/south")]
    [InlineData(FrontlineRoles.Customer, "org")]
    [InlineData(FrontlineRoles.Integrator, "org")]
    [InlineData(FrontlineRoles.Operator, "org")]
    public async Task AttributionAndHeatmapUpdated_NotOwnScope_Forbidden(string role, string scope)
    {
        var name = scope == "unit/south" ? "unit/" + fixture.South : scope;
        foreach (var document in new[] { Reports, "subscription($s: String!) { heatmapUpdated(scope: $s) { key } }" })
        {
            await using var client = await NodeSubscriptionClient.StartAsync(fixture.WebSocketUri, document, new { s = name }, 1, Timeout, fixture.TokenFor(role));

            Assert.Contains("FORBIDDEN", await FailureAsync(client), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConnectionInit_NoCredentials_NodeClientSeesClose4403()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(fixture.WebSocketUri, Escalations, new { u = fixture.North }, 1, Timeout, token: "");

        Assert.Contains("4403", await FailureAsync(client), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""")]
    [InlineData("""{"type":"connection_init","payload":{}}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer nonsense"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"ApiKey fk_wrong"}}""")]
    public async Task ConnectionInit_BadCredentials_Closed4403(string init)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.WebSocketUri);

        await client.SendAsync(init);

        Assert.Equal(4403, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInit_ApiKeyAndBearer_Acknowledged()
    {
        foreach (var payload in new object[] { new { authorization = "Bearer " + TestTokens.Hq }, new { apiKey = fixture.ApiKey } })
        {
            await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.WebSocketUri);

            await client.SendAsync(System.Text.Json.JsonSerializer.Serialize(new { type = "connection_init", payload }));

            using var ack = await client.ReceiveAsync();
            Assert.Equal("connection_ack", ack.RootElement.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Subscription_TokenExpires_ConnectionClosed4403()
    {
        // JWT expiry is in whole seconds: this token runs out 2-3 s from now.
        var shortLived = TestTokens.Issuer(TestTokens.SigningKey).Create(FrontlineRoles.Hq, null, null, "ws-expiry", TimeSpan.FromSeconds(3));
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.WebSocketUri);
        await client.SendAsync(System.Text.Json.JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = "Bearer " + shortLived } }));
        using (var ack = await client.ReceiveAsync())
        {
            Assert.Equal("connection_ack", ack.RootElement.GetProperty("type").GetString());
        }

        await client.SubscribeAsync("1", Escalations, new { u = fixture.North });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(4403, await client.ReceiveCloseAsync());
        Assert.Equal("Token expired", client.CloseStatusDescription);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConnectionInit_TokenExpiredWithinClockSkew_Closed4403WithoutAck()
    {
        // Issued 90 s ago for 60 s: past its exp, yet inside the validator's one-minute skew allowance.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-90));
        var expired = TestTokens.Issuer(TestTokens.SigningKey, clock).Create(FrontlineRoles.Hq, null, null, "ws-expired", TimeSpan.FromSeconds(60));
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.WebSocketUri);

        await client.SendAsync(System.Text.Json.JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = "Bearer " + expired } }));

        Assert.Equal(4403, await client.ReceiveCloseAsync());
        Assert.Equal("Token expired", client.CloseStatusDescription);
    }

    [Fact]
    public async Task Subscribe_OverWebSocket_QueryRunsAsTheInitCaller()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.WebSocketUri);
        await client.SendAsync(System.Text.Json.JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = "Bearer " + fixture.TokenFor(FrontlineRoles.UnitMember) } }));
        (await client.ReceiveAsync()).Dispose();

        await client.SubscribeAsync("1", "{ units { id } }");
        using var next = await client.ReceiveAsync();

        var units = next.RootElement.GetProperty("payload").GetProperty("data").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString());
        Assert.Equal([fixture.North], units);
    }

    /// <summary>Expects the client to fail without a result; returns everything it said about why, once it has exited.</summary>
    private static async Task<string> FailureAsync(NodeSubscriptionClient client)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.NextResultAsync(Timeout));
        Assert.Equal(1, await client.WaitForExitAsync(Timeout));
        return error + Environment.NewLine + client.StandardError;
    }

    private async Task StallNorthThreeTimesAsync()
    {
        var opportunity = await fixture.Hq.NewOpportunityAsync(fixture.North);
        for (var i = 0; i < 3; i++)
        {
            await fixture.Hq.StallAsync(opportunity);
        }
    }
}
