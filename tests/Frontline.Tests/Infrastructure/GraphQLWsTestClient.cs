using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Frontline.Tests.Infrastructure;

/// <summary>A raw WebSocket client speaking graphql-transport-ws by hand, to test the server's protocol edges.</summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;

    private GraphQLWsTestClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri uri, string subProtocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>Connects and completes the connection_init / connection_ack handshake.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(Uri uri)
    {
        var client = await ConnectAsync(uri);
        await client.SendAsync("""{"type":"connection_init"}""");
        using var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.RootElement.GetProperty("type").GetString());
        return client;
    }

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null)
    {
        var message = new { id, type = "subscribe", payload = new { query, variables } };
        return SendAsync(JsonSerializer.Serialize(message));
    }

    /// <summary>Receives the next text message; fails if the server closes instead.</summary>
    public async Task<JsonDocument> ReceiveAsync()
    {
        var message = await ReceiveMessageAsync();
        Assert.True(message is not null, $"Expected a message but the socket closed with {CloseStatus} '{CloseStatusDescription}'.");
        return JsonDocument.Parse(message);
    }

    /// <summary>Receives until the server closes the socket, returning the close code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        while (await ReceiveMessageAsync() is { } unexpected)
        {
            Assert.Fail($"Expected the socket to close, got {unexpected}");
        }

        return (int)CloseStatus!.Value;
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string?> ReceiveMessageAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
