using System.Text.Json;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Transport;

public sealed class GraphQLWebSocketTransportTests(TransportHostFixture fixture) : IClassFixture<TransportHostFixture>
{
    private const string MessagesSubscription = "subscription($p: String) { messages(prefix: $p) }";

    private readonly TransportTestHost _host = fixture.Host;

    [Fact]
    public async Task ConnectionInit_NegotiatedSubprotocol_ReturnsAck()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(_host.WebSocketUri);
        Assert.Equal("graphql-transport-ws", client.SubProtocol);

        await client.SendAsync("""{"type":"connection_init","payload":{"token":"t"}}""");

        using var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", Type(ack));
    }

    [Fact]
    public async Task Ping_BeforeAndAfterInit_ReturnsPong()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(_host.WebSocketUri);

        await client.SendAsync("""{"type":"ping"}""");
        using var first = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"pong"}""");
        await client.SendAsync("""{"type":"connection_init"}""");
        using var ack = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping","payload":{"n":1}}""");
        using var second = await client.ReceiveAsync();

        Assert.Equal("pong", Type(first));
        Assert.Equal("connection_ack", Type(ack));
        Assert.Equal("pong", Type(second));
    }

    [Fact]
    public async Task Subscribe_ThenMutation_ReceivesNext()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);
        var before = _host.Hub.SubscriberCount;

        await client.SubscribeAsync("s1", MessagesSubscription, new { p = "> " });
        await _host.Hub.WaitForSubscriberCountAsync(before + 1, GraphQLWsTestClient.Timeout);
        await client.SubscribeAsync("m1", """mutation { publish(text: "first") }""");

        var received = new List<JsonDocument>();
        for (var i = 0; i < 3; i++)
        {
            received.Add(await client.ReceiveAsync());
        }

        // The mutation's next/complete and the subscription's next may interleave in any order.
        var subscriptionNext = Assert.Single(received, m => Id(m) == "s1");
        Assert.Equal("next", Type(subscriptionNext));
        Assert.Equal("> first", Payload(subscriptionNext).GetProperty("data").GetProperty("messages").GetString());
        var mutationMessages = received.Where(m => Id(m) == "m1").Select(Type).ToList();
        Assert.Equal(["next", "complete"], mutationMessages);
        received.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task Subscribe_Query_SendsSingleNextThenComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SubscribeAsync("q1", "query($n: String) { hello(name: $n) }", new { n = "Ws" });

        using var next = await client.ReceiveAsync();
        using var complete = await client.ReceiveAsync();
        Assert.Equal("next", Type(next));
        Assert.Equal("q1", Id(next));
        Assert.Equal("Hello Ws", Payload(next).GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("complete", Type(complete));
        Assert.Equal("q1", Id(complete));
    }

    [Fact]
    public async Task Subscribe_InvalidDocument_SendsErrorWithValidationCode()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SubscribeAsync("bad", "subscription { nope }");

        using var error = await client.ReceiveAsync();
        Assert.Equal("error", Type(error));
        Assert.Equal("bad", Id(error));
        var errors = Payload(error);
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Subscribe_QueryWithResolverError_SendsNextWithCode()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SubscribeAsync("e1", """{ customer(id: "x") }""");

        using var next = await client.ReceiveAsync();
        Assert.Equal("next", Type(next));
        Assert.Equal("NOT_FOUND", Payload(next).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Subscribe_SourceStreamFails_SendsInternalErrorWithoutDetails()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SubscribeAsync("broken", "subscription { broken }");

        using var error = await client.ReceiveAsync();
        Assert.Equal("error", Type(error));
        Assert.Equal("broken", Id(error));
        var only = Assert.Single(Payload(error).EnumerateArray());
        Assert.Equal("INTERNAL", only.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("hunter2", error.RootElement.GetRawText(), StringComparison.Ordinal);
        // The connection stays usable after an operation error.
        await client.SubscribeAsync("after", "{ hello }");
        using var next = await client.ReceiveAsync();
        Assert.Equal("next", Type(next));
    }

    [Fact]
    public async Task Complete_FromClient_StopsStream()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);
        var before = _host.Hub.SubscriberCount;
        await client.SubscribeAsync("s1", MessagesSubscription);
        await _host.Hub.WaitForSubscriberCountAsync(before + 1, GraphQLWsTestClient.Timeout);

        await client.SendAsync("""{"id":"s1","type":"complete"}""");

        await _host.Hub.WaitForSubscriberCountAsync(before, GraphQLWsTestClient.Timeout);
        // The same id is free again once completed.
        await client.SubscribeAsync("s1", "{ hello }");
        using var next = await client.ReceiveAsync();
        Assert.Equal("next", Type(next));
        Assert.Equal("s1", Id(next));
    }

    [Fact]
    public async Task SocketClose_WithActiveSubscriptions_DisposesThem()
    {
        var before = _host.Hub.SubscriberCount;
        await using (var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri))
        {
            await client.SubscribeAsync("a", MessagesSubscription);
            await client.SubscribeAsync("b", MessagesSubscription);
            await _host.Hub.WaitForSubscriberCountAsync(before + 2, GraphQLWsTestClient.Timeout);

            await client.CloseAsync();
        }

        await _host.Hub.WaitForSubscriberCountAsync(before, GraphQLWsTestClient.Timeout);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":5}}""")]
    public async Task InvalidMessage_AfterInit_Closes4400(string message)
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SendAsync(message);

        Assert.Equal(4400, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_BeforeAck_Closes4401Unauthorized()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(_host.WebSocketUri);

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal(4401, await client.ReceiveCloseAsync());
        Assert.Equal("Unauthorized", client.CloseStatusDescription);
    }

    [Fact]
    public async Task NoConnectionInit_WithinTimeout_Closes4408()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200));
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri);

        Assert.Equal(4408, await client.ReceiveCloseAsync());
        Assert.Equal("Connection initialisation timeout", client.CloseStatusDescription);
    }

    [Fact]
    public async Task Subscribe_DuplicateActiveId_Closes4409()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);
        var before = _host.Hub.SubscriberCount;
        await client.SubscribeAsync("dup", MessagesSubscription);
        await _host.Hub.WaitForSubscriberCountAsync(before + 1, GraphQLWsTestClient.Timeout);

        await client.SubscribeAsync("dup", MessagesSubscription);

        Assert.Equal(4409, await client.ReceiveCloseAsync());
        Assert.Equal("Subscriber for dup already exists", client.CloseStatusDescription);
        await _host.Hub.WaitForSubscriberCountAsync(before, GraphQLWsTestClient.Timeout);
    }

    [Fact]
    public async Task ConnectionInit_Twice_Closes4429()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.WebSocketUri);

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal(4429, await client.ReceiveCloseAsync());
        Assert.Equal("Too many initialisation requests", client.CloseStatusDescription);
    }

    [Fact]
    public async Task Connect_UnsupportedSubprotocol_Closes4406()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(_host.WebSocketUri, "made-up-protocol");

        Assert.Equal(4406, await client.ReceiveCloseAsync());
    }

    private static string? Type(JsonDocument message) => message.RootElement.GetProperty("type").GetString();

    private static string? Id(JsonDocument message)
        => message.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static JsonElement Payload(JsonDocument message) => message.RootElement.GetProperty("payload");
}
