using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>attributionUpdated over a real socket: a won opportunity pushes the unit scope's fresh report.</summary>
[Collection(ServerCollection.Name)]
public sealed class AttributionSubscriptionTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AttributionUpdated_OpportunityWon_ClientReceivesReportCountingIt()
    {
        var unit = await fixture.GraphQL.NewUnitAsync();
        var socket = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var client = await NodeSubscriptionClient.StartAsync(
            socket, "subscription($s: String!) { attributionUpdated(scope: $s, model: LAST_TOUCH) { scope conversions value unattributed } }",
            new { s = "unit/" + unit }, count: 20, Timeout);
        await client.WaitReadyAsync(Timeout);

        // Win opportunities until a push arrives (the first may precede the server attaching the stream); every
        // push must report all conversions won so far, since it is read after the change.
        for (var won = 1; won <= 10; won++)
        {
            var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit, "sub-customer-" + Guid.NewGuid().ToString("N"));
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await fixture.GraphQL.DataAsync(
                "mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }",
                new { c = new { opportunityId = opportunity, won = true, value = 100 } });

            NodeSubscriptionResult result;
            try
            {
                result = await client.NextResultAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                continue;
            }

            var report = result.Payload.GetProperty("data").GetProperty("attributionUpdated");
            Assert.Equal("unit/" + unit, report.GetProperty("scope").GetString());
            Assert.Equal(won, report.GetProperty("conversions").GetInt32());
            Assert.Equal(100m * won, report.GetProperty("value").GetDecimal());
            Assert.Equal(won, report.GetProperty("unattributed").GetInt32());
            Assert.True(result.ReceivedAt - sentAt < 1000, $"received {result.ReceivedAt - sentAt} ms after the close was sent");
            return;
        }

        Assert.Fail("no attributionUpdated push arrived: " + client.StandardError);
    }
}
