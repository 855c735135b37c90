using System.Globalization;
using System.Text.Json;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>heatmapUpdated over a real socket with the npm graphql-ws client: a conversion with a touch pushes the changed heat map.</summary>
[Collection(ServerCollection.Name)]
public sealed class HeatmapSubscriptionTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Cells = "key hourStart conversions value";

    [Fact]
    public async Task HeatmapUpdated_ConversionWithTouch_ClientReceivesHeatMapEqualToQuery()
    {
        var unit = await fixture.GraphQL.NewUnitAsync();
        var scope = "unit/" + unit;
        var socket = new UriBuilder(fixture.Server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var client = await NodeSubscriptionClient.StartAsync(
            socket, $"subscription($s: String!) {{ heatmapUpdated(scope: $s, model: LINEAR, by: CHANNEL) {{ {Cells} }} }}",
            new { s = scope }, count: 50, Timeout);
        await client.WaitReadyAsync(Timeout);

        // Convert touched customers until a push arrives (the first may precede the server attaching the stream).
        // A push read after the close must hold every conversion so far, each a touch credited 100.
        for (var won = 1; won <= 10; won++)
        {
            var customer = "heat-customer-" + Guid.NewGuid().ToString("N");
            var touched = await fixture.GraphQL.DataAsync(
                "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
                new { t = new[] { new { eventId = "heat-" + Guid.NewGuid().ToString("N"), customerId = customer, action = "ContentViewed", channel = "Webinar", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } });
            Assert.Equal(1, touched.GetProperty("recordTouches").GetProperty("accepted").GetInt32());
            var opportunity = await fixture.GraphQL.NewOpportunityAsync(unit, customer);
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await fixture.GraphQL.DataAsync(
                "mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }",
                new { c = new { opportunityId = opportunity, won = true, value = 100 } });

            if (await NextHeatMapCountingAsync(client, won) is not { } pushed)
            {
                continue;
            }

            Assert.True(pushed.ReceivedAt - sentAt < 1000, $"received {pushed.ReceivedAt - sentAt} ms after the close was sent");
            var cells = Parse(pushed.Payload.GetProperty("data").GetProperty("heatmapUpdated"));
            Assert.All(cells, c => Assert.Equal("Webinar", c.Key));
            Assert.Equal(100.0 * won, cells.Sum(c => c.Value), 1e-9);

            var queried = await fixture.GraphQL.DataAsync(
                $"query($s: String!) {{ heatmap(scope: $s, model: LINEAR, by: CHANNEL) {{ {Cells} }} }}", new { s = scope });
            Assert.Equal(Parse(queried.GetProperty("heatmap")), cells);
            return;
        }

        Assert.Fail("no heatmapUpdated push counting the conversions arrived: " + client.StandardError);
    }

    /// <summary>The first push within 2 s whose cells count <paramref name="conversions"/> conversions; earlier pushes are skipped.</summary>
    private static async Task<NodeSubscriptionResult?> NextHeatMapCountingAsync(NodeSubscriptionClient client, int conversions)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);
        while (DateTimeOffset.UtcNow < deadline)
        {
            NodeSubscriptionResult result;
            try
            {
                result = await client.NextResultAsync(TimeSpan.FromTicks(Math.Max(1, (deadline - DateTimeOffset.UtcNow).Ticks)));
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            var counted = Parse(result.Payload.GetProperty("data").GetProperty("heatmapUpdated")).Sum(c => c.Conversions);
            if (Math.Abs(counted - conversions) < 1e-9)
            {
                return result;
            }
        }

        return null;
    }

    private static List<(string Key, DateTimeOffset HourStart, double Conversions, double Value)> Parse(JsonElement cells) =>
    [
        .. cells.EnumerateArray().Select(c => (
            c.GetProperty("key").GetString()!,
            DateTimeOffset.Parse(c.GetProperty("hourStart").GetString()!, CultureInfo.InvariantCulture),
            c.GetProperty("conversions").GetDouble(),
            c.GetProperty("value").GetDouble())),
    ];
}
