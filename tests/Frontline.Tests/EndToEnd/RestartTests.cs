using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>State and reminders of the embedded default survive a restart, kill -9 included.</summary>
public sealed class RestartTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EmbeddedServer_Restart_StateSurvives(bool kill)
    {
        using var data = new TempDirectory();
        string unit, opportunity, customer = "restart-customer";
        var first = await EmbeddedServerProcess.StartAsync(data.Path);
        await using (first)
        {
            using var api = new GraphQLHttpClient(first.BaseAddress);
            unit = await api.NewUnitAsync();
            opportunity = await api.NewOpportunityAsync(unit, customer);
            for (var i = 0; i < 3; i++)
            {
                await api.StallAsync(opportunity);
            }

            var touches = await api.DataAsync(
                "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
                new { t = new[] { new { eventId = "r-1", customerId = customer, action = "DemoDelivered", channel = "Field", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } });
            Assert.Equal(1, touches.GetProperty("recordTouches").GetProperty("accepted").GetInt32());

            if (kill)
            {
                first.Kill();
            }
            else
            {
                await first.StopAsync();
            }
        }

        await using var second = await EmbeddedServerProcess.StartAsync(data.Path);
        using var client = new GraphQLHttpClient(second.BaseAddress);

        var after = await client.DataAsync(
            "query($u: ID!, $o: ID!, $c: ID!) { unit(id: $u) { name opportunityCount openCount escalations { id } } opportunity(id: $o) { stage stalledStreak escalations { id } } customer(id: $c) { touchCount openEscalationIds } units { id } }",
            new { u = unit, o = opportunity, c = customer });

        Assert.Equal((1, 1), (after.GetProperty("unit").GetProperty("opportunityCount").GetInt32(), after.GetProperty("unit").GetProperty("openCount").GetInt32()));
        Assert.Equal(opportunity + "#1", Assert.Single(after.GetProperty("unit").GetProperty("escalations").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(3, after.GetProperty("opportunity").GetProperty("stalledStreak").GetInt32());
        Assert.Equal(1, after.GetProperty("customer").GetProperty("touchCount").GetInt32());
        Assert.Equal(opportunity + "#1", Assert.Single(after.GetProperty("customer").GetProperty("openEscalationIds").EnumerateArray()).GetString());
        Assert.Contains(after.GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetString() == unit);

        var again = await client.DataAsync(
            "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates } }",
            new { t = new[] { new { eventId = "r-1", customerId = customer, action = "DemoDelivered", channel = "Field", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } });
        Assert.Equal(1, again.GetProperty("recordTouches").GetProperty("duplicates").GetInt32());

        // Subscriptions work again after the restart (they used to find stale stream subscriptions in storage).
        var socket = new UriBuilder(second.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var subscriber = await NodeSubscriptionClient.StartAsync(
            socket, "subscription($u: ID!) { escalationRaised(unitId: $u) { opportunityId } }", new { u = unit }, count: 10, TimeSpan.FromSeconds(30));
        await subscriber.WaitReadyAsync(TimeSpan.FromSeconds(30));
        var received = await subscriber.FirstResultAsync(async () =>
        {
            var stalled = await client.NewOpportunityAsync(unit);
            for (var i = 0; i < 3; i++)
            {
                await client.StallAsync(stalled);
            }
        });

        Assert.StartsWith("opp-", received.Payload.GetProperty("data").GetProperty("escalationRaised").GetProperty("opportunityId").GetString(), StringComparison.Ordinal);
    }
}
