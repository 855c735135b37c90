using System.Net;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Transport;

/// <summary>The transports against the real npm graphql-ws client (tests/js), over real sockets.</summary>
[Collection(LatencyCollection.Name)]
public sealed class GraphQLWsClientTests(TransportHostFixture fixture) : IClassFixture<TransportHostFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TransportTestHost _host = fixture.Host;

    [Fact]
    public async Task Subscription_MutationPublishes_GraphQLWsClientReceivesWithinOneSecond()
    {
        await using var client = await NodeSubscriptionClient.StartAsync(
            _host.WebSocketUri,
            "subscription($p: String) { messages(prefix: $p) }",
            new { p = "js:" },
            count: 2,
            Timeout);
        await client.WaitReadyAsync(Timeout);
        // "ready" means the subscribe left the client; wait until the server has attached the stream too.
        await _host.Hub.WaitForSubscriberCountAsync(1, Timeout);

        foreach (var text in new[] { "one", "two" })
        {
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await PublishAsync(text);

            var result = await client.NextResultAsync(Timeout);

            Assert.Equal("js:" + text, result.Payload.GetProperty("data").GetProperty("messages").GetString());
            var latency = result.ReceivedAt - sentAt;
            Assert.True(latency < 1000, $"Received {latency} ms after the mutation was sent.");
        }

        Assert.Equal(0, await client.WaitForExitAsync(Timeout));
        await _host.Hub.WaitForSubscriberCountAsync(0, Timeout);
    }

    private async Task PublishAsync(string text)
    {
        using var http = _host.CreateClient();
        using var content = new StringContent(
            JsonSerializer.Serialize(new { query = "mutation($t: String!) { publish(text: $t) }", variables = new { t = text } }),
            Encoding.UTF8,
            "application/json");
        using var response = await http.PostAsync(TransportTestHost.Path, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
