using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Types = Frontline.GraphQL.Transport.GraphQLTransportWsMessageTypes;

namespace Frontline.GraphQL.Transport;

/// <summary>
/// One graphql-transport-ws connection. The receive loop handles messages in order; every operation runs
/// on its own task and all writes to the socket go through one lock, because a WebSocket allows only one
/// send at a time.
/// </summary>
internal sealed class GraphQLTransportWsConnection : IAsyncDisposable
{
    private const string InvalidMessage = "Invalid message received";

    private const string TokenExpired = "Token expired";

    private readonly WebSocket _socket;
    private readonly HttpContext _httpContext;
    private readonly GraphQLRequestExecutor _executor;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLTransportOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    // Cancels every operation and the init timer; the receive loop has its own token so it can
    // still wait for the client's close frame after the server started closing.
    private readonly CancellationTokenSource _operationsCts = new();
    private readonly CancellationTokenSource _receiveCts = new();
    private int _initReceived;
    private int _closing;
    private volatile bool _acknowledged;

    // Who connection_init authenticated; operations run as this user (the upgrade request's user when no authenticator is registered).
    private ClaimsPrincipal? _user;

    // Closes the connection when its token expires; a subscription must not outlive the credential that opened it.
    private Task _expiryWatch = Task.CompletedTask;

    public GraphQLTransportWsConnection(
        WebSocket socket,
        HttpContext httpContext,
        GraphQLRequestExecutor executor,
        IGraphQLTextSerializer serializer,
        GraphQLTransportOptions options,
        ILogger logger)
    {
        _socket = socket;
        _httpContext = httpContext;
        _executor = executor;
        _serializer = serializer;
        _options = options;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var abortRegistration = requestAborted.Register(static state =>
        {
            var connection = (GraphQLTransportWsConnection)state!;
            connection._operationsCts.Cancel();
            connection._receiveCts.Cancel();
        }, this);
        var initWatch = WatchInitialisationAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            TransportLog.WebSocketConnectionEnded(_logger, exception);
        }
        finally
        {
            // The socket is gone or closing: stop every subscription so no stream outlives its client.
            await _operationsCts.CancelAsync();
            await Task.WhenAll(_running.Keys.Append(initWatch).Append(_expiryWatch));
        }
    }

    public ValueTask DisposeAsync()
    {
        _operationsCts.Dispose();
        _receiveCts.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            message.Clear();
            var tooLarge = false;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.AsMemory(), _receiveCts.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerClientCloseAsync();
                    return;
                }

                tooLarge |= message.WrittenCount + received.Count > _options.MaxWebSocketMessageBytes;
                if (!tooLarge)
                {
                    message.Write(buffer.AsSpan(0, received.Count));
                }
            }
            while (!received.EndOfMessage);

            if (Volatile.Read(ref _closing) == 1)
            {
                // Closing: only the client's close frame matters now.
                continue;
            }

            if (tooLarge || received.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(Types.BadRequest, InvalidMessage);
                continue;
            }

            await HandleMessageAsync(message.WrittenMemory);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            await CloseAsync(Types.BadRequest, InvalidMessage);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(Types.BadRequest, InvalidMessage);
                return;
            }

            switch (type.GetString())
            {
                case Types.ConnectionInit:
                    await HandleConnectionInitAsync(root);
                    break;
                case Types.Ping:
                    await SendAsync(EncodeMessage(Types.Pong, id: null));
                    break;
                case Types.Pong:
                    // A pong only proves the client is alive; nothing to answer.
                    break;
                case Types.Subscribe:
                    await HandleSubscribeAsync(root);
                    break;
                case Types.Complete:
                    await HandleCompleteAsync(root);
                    break;
                default:
                    await CloseAsync(Types.BadRequest, InvalidMessage);
                    break;
            }
        }
    }

    private async Task HandleConnectionInitAsync(JsonElement message)
    {
        if (message.TryGetProperty("payload", out var payload)
            && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            await CloseAsync(Types.BadRequest, InvalidMessage);
            return;
        }

        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(Types.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (_httpContext.RequestServices.GetService<IConnectionInitAuthenticator>() is { } authenticator)
        {
            _user = await authenticator.AuthenticateAsync(_httpContext, payload, _operationsCts.Token);
            if (_user is null)
            {
                await CloseAsync(Types.Forbidden, "Forbidden");
                return;
            }
        }

        if (CredentialExpiry.Of(_user ?? _httpContext.User) is { } expiresAt)
        {
            var clock = _httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
            if (expiresAt <= clock.GetUtcNow())
            {
                // Still inside the validator's clock-skew allowance, but nothing could be served under it.
                await CloseAsync(Types.Forbidden, TokenExpired);
                return;
            }

            _expiryWatch = WatchExpiryAsync(expiresAt, clock);
        }

        // Set before the ack goes out: messages are handled in order, so nothing can slip in between.
        _acknowledged = true;
        await SendAsync(EncodeMessage(Types.ConnectionAck, id: null));
    }

    private async Task WatchExpiryAsync(DateTimeOffset expiresAt, TimeProvider clock)
    {
        try
        {
            // A day at a time: Task.Delay takes at most about 49 days, and a token may be issued for longer.
            for (var left = expiresAt - clock.GetUtcNow(); left > TimeSpan.Zero; left = expiresAt - clock.GetUtcNow())
            {
                await Task.Delay(left < TimeSpan.FromDays(1) ? left : TimeSpan.FromDays(1), clock, _operationsCts.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // The same code as a refused connection_init: the client must authenticate again, with a fresh token.
        await CloseAsync(Types.Forbidden, TokenExpired);
    }

    private async Task HandleSubscribeAsync(JsonElement message)
    {
        if (!_acknowledged)
        {
            await CloseAsync(Types.Unauthorized, "Unauthorized");
            return;
        }

        if (!TryGetId(message, out var id)
            || !message.TryGetProperty("payload", out var payload)
            || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(Types.BadRequest, InvalidMessage);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = _serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            request = null;
        }

        if (string.IsNullOrEmpty(request?.Query))
        {
            await CloseAsync(Types.BadRequest, InvalidMessage);
            return;
        }

        var operation = new Operation(id, CancellationTokenSource.CreateLinkedTokenSource(_operationsCts.Token));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(Types.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (_operations.Count > _options.MaxOperationsPerConnection)
        {
            // Refuse this operation only: the connection and its other subscriptions stay healthy.
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            operation.Dispose();
            var refusal = new ExecutionError($"This connection already runs {_options.MaxOperationsPerConnection} operations; complete one first.")
            {
                Code = GraphQLErrorCodes.TooManySubscriptions,
            };
            await SendAsync(EncodeErrors(id, [refusal]));
            return;
        }

        // Off the receive loop, so pings and completes keep flowing while the operation runs.
        var task = Task.Run(() => RunOperationAsync(operation, request));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(
            static (finished, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(finished, out _),
            _running,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task HandleCompleteAsync(JsonElement message)
    {
        if (!TryGetId(message, out var id))
        {
            await CloseAsync(Types.BadRequest, InvalidMessage);
            return;
        }

        // The client is done with it: stop quietly, the protocol wants no complete back.
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Cancel();
        }
    }

    private async Task RunOperationAsync(Operation operation, GraphQLRequest request)
    {
        var token = operation.Token;
        try
        {
            var prepared = _executor.Prepare(request);
            var result = await _executor.ExecuteAsync(prepared, _httpContext.RequestServices, _user ?? _httpContext.User, token);
            var isSubscription = prepared.OperationType == OperationType.Subscription;
            if (isSubscription && result.Streams is { Count: > 0 } streams)
            {
                // A valid subscription has exactly one root field (spec §5.2.3.1), so one stream.
                await StreamAsync(operation, streams.Values.First());
            }
            else if (!isSubscription && result.Executed)
            {
                await SendAsync(EncodeNext(operation.Id, result), token);
                await SendAsync(EncodeMessage(Types.Complete, operation.Id), token);
            }
            else
            {
                await SendAsync(EncodeErrors(operation.Id, result.Errors ?? []), token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client or the socket closed.
        }
        catch (Exception exception)
        {
            TransportLog.WebSocketOperationFailed(_logger, exception, operation.Id);
            await TrySendAsync(EncodeErrors(operation.Id, [new UnhandledError(TransportErrorInfoProvider.InternalMessage, exception)]), token);
        }
        finally
        {
            // Only this operation's entry: the id may already belong to a newer subscribe after a client complete.
            _operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
            operation.Dispose();
        }
    }

    private async Task StreamAsync(Operation operation, IObservable<ExecutionResult> stream)
    {
        var token = operation.Token;
        var events = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        using (stream.Subscribe(new ChannelObserver(events.Writer)))
        {
            await foreach (var item in events.Reader.ReadAllAsync(token))
            {
                if (item.Error is not null)
                {
                    // GraphQL.NET reports source stream failures as ExecutionError; it already ran the unhandled exception delegate.
                    var error = item.Error as ExecutionError ?? new UnhandledError(TransportErrorInfoProvider.InternalMessage, item.Error);
                    await SendAsync(EncodeErrors(operation.Id, [error]), token);
                    return;
                }

                await SendAsync(EncodeNext(operation.Id, item.Result!), token);
            }
        }

        await SendAsync(EncodeMessage(Types.Complete, operation.Id), token);
    }

    private async Task WatchInitialisationAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _operationsCts.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(Types.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        TransportLog.ClosingWebSocket(_logger, code, reason);
        await _operationsCts.CancelAsync();
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, TruncateReason(reason), CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The client vanished first; nothing left to close.
        }
        finally
        {
            _sendLock.Release();
        }

        // A client that never answers the close frame must not hold the connection open.
        _receiveCts.CancelAfter(_options.CloseHandshakeTimeout);
    }

    private async Task AnswerClientCloseAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await _operationsCts.CancelAsync();
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already torn down by the client.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            // Checked under the lock: once the close frame is out, no data frame may follow it.
            cancellationToken.ThrowIfCancellationRequested();
            if (Volatile.Read(ref _closing) == 1 || _socket.State != WebSocketState.Open)
            {
                return;
            }

            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task TrySendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Best effort: the connection is going away anyway.
        }
    }

    private static bool TryGetId(JsonElement message, out string id)
    {
        if (message.TryGetProperty("id", out var element)
            && element.ValueKind == JsonValueKind.String
            && element.GetString() is { Length: > 0 } value)
        {
            id = value;
            return true;
        }

        id = string.Empty;
        return false;
    }

    // RFC 6455 limits the close reason to 123 bytes of UTF-8.
    private static string TruncateReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > 120)
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }

    private static ReadOnlyMemory<byte> EncodeMessage(string type, string? id)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private ReadOnlyMemory<byte> EncodeNext(string id, ExecutionResult result)
    {
        // The same serializer as HTTP, so errors get the same codes on both transports.
        var payload = _serializer.Serialize(result);
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", Types.Next);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private ReadOnlyMemory<byte> EncodeErrors(string id, IEnumerable<ExecutionError> errors)
    {
        // The error message's payload is the bare list of GraphQL errors: serialize a result holding
        // only them and lift the list out, so the error info provider shapes them as everywhere else.
        var holder = new ExecutionResult { Errors = [.. errors] };
        using var serialized = JsonDocument.Parse(_serializer.Serialize(holder));
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", Types.Error);
            writer.WritePropertyName("payload");
            if (serialized.RootElement.TryGetProperty("errors", out var list))
            {
                list.WriteTo(writer);
            }
            else
            {
                writer.WriteStartArray();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private readonly record struct StreamEvent(ExecutionResult? Result, Exception? Error);

    /// <summary>Turns observer callbacks from any thread into channel items the sending task reads in order.</summary>
    private sealed class ChannelObserver : IObserver<ExecutionResult>
    {
        private readonly ChannelWriter<StreamEvent> _writer;

        public ChannelObserver(ChannelWriter<StreamEvent> writer) => _writer = writer;

        public void OnNext(ExecutionResult value) => _writer.TryWrite(new StreamEvent(value, null));

        public void OnError(Exception error)
        {
            _writer.TryWrite(new StreamEvent(null, error));
            _writer.TryComplete();
        }

        public void OnCompleted() => _writer.TryComplete();
    }

    /// <summary>A running operation: its id and the token that stops it.</summary>
    private sealed class Operation : IDisposable
    {
        private readonly CancellationTokenSource _cancellation;

        public Operation(string id, CancellationTokenSource cancellation)
        {
            Id = id;
            _cancellation = cancellation;
            Token = cancellation.Token;
        }

        public string Id { get; }

        public CancellationToken Token { get; }

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished on its own meanwhile.
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }
}
