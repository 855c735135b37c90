using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>escalationRaised over a real socket to the npm graphql-ws client, fed by the unit grain's Orleans stream.</summary>
[Collection(ServerCollection.Name)]
public sealed class EscalationSubscriptionTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EscalationRaised_ThirdStalledFollowUp_GraphQLWsClientReceivesWithinOneSecond()
    {
        var unit = await fixture.GraphQL.NewUnitAsync();
        var socket = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var client = await NodeSubscriptionClient.StartAsync(
            socket, "subscription($u: ID!) { escalationRaised(unitId: $u) { id opportunityId unitId reason raisedAt stalledStreak } }", new { u = unit }, count: 20, Timeout);
        await client.WaitReadyAsync(Timeout);

        // Warm up until an escalation arrives (the subscription is then live); only then is the measured one raised.
        await client.FirstResultAsync(() => StallThreeTimesAsync(unit));

        var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit);
        Assert.Equal(1, await fixture.GraphQL.StallAsync(opportunity));
        Assert.Equal(2, await fixture.GraphQL.StallAsync(opportunity));
        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal(3, await fixture.GraphQL.StallAsync(opportunity));

        var result = await client.NextResultAsync(Timeout);

        var escalation = result.Payload.GetProperty("data").GetProperty("escalationRaised");
        Assert.Equal((opportunity + "#1", opportunity, unit, 3), (escalation.GetProperty("id").GetString(), escalation.GetProperty("opportunityId").GetString(), escalation.GetProperty("unitId").GetString(), escalation.GetProperty("stalledStreak").GetInt32()));
        var latency = result.ReceivedAt - sentAt;
        Assert.True(latency < 1000, $"received {latency} ms after the third follow-up was sent");
    }

    private async Task StallThreeTimesAsync(string unit)
    {
        var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit);
        for (var i = 0; i < 3; i++)
        {
            await fixture.GraphQL.StallAsync(opportunity);
        }
    }
}
