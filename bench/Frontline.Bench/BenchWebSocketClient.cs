using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Frontline.Bench;

/// <summary>
/// The least of a graphql-transport-ws client a benchmark needs: handshake, subscribe, and a loop that hands
/// every <c>next</c> payload to a callback with the moment it arrived.
/// </summary>
public sealed class BenchWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;

    private BenchWebSocketClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Connects and completes connection_init (carrying <paramref name="token"/>) / connection_ack.</summary>
    public static async Task<BenchWebSocketClient> ConnectAsync(Uri uri, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        var client = new BenchWebSocketClient(socket);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } }, timeout.Token);
        using var ack = JsonDocument.Parse(await client.ReceiveAsync(timeout.Token) ?? "{}");
        if (ack.RootElement.TryGetProperty("type", out var type) && type.GetString() == "connection_ack")
        {
            return client;
        }

        await client.DisposeAsync();
        throw new InvalidOperationException($"expected connection_ack, got {ack.RootElement}");
    }

    /// <summary>Starts a subscription; its events come to the callback of <see cref="ReceiveAllAsync"/> under <paramref name="id"/>.</summary>
    public Task SubscribeAsync(string id, string query, object? variables) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } }, CancellationToken.None);

    /// <summary>
    /// Reads until the socket closes or <paramref name="cancellation"/> fires, calling <paramref name="onNext"/>
    /// with the subscription id, the payload's <c>data</c> and <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>
    /// taken as soon as the message is complete. An <c>error</c> message ends the loop with an exception.
    /// </summary>
    public async Task ReceiveAllAsync(Action<string, JsonElement, long> onNext, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            string? text;
            try
            {
                text = await ReceiveAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }

            var received = System.Diagnostics.Stopwatch.GetTimestamp();
            if (text is null)
            {
                return;
            }

            using var message = JsonDocument.Parse(text);
            var root = message.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "next":
                    onNext(root.GetProperty("id").GetString()!, root.GetProperty("payload").GetProperty("data"), received);
                    break;
                case "error":
                    throw new InvalidOperationException($"subscription error: {root}");
                case "ping":
                    await SendAsync(new { type = "pong" }, cancellation);
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing left to close.
            }
        }

        _socket.Dispose();
    }

    private Task SendAsync(object message, CancellationToken cancellation) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellation);

    private async Task<string?> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
    }
}
