using System.Net.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.GraphQL.Transport;

/// <summary>Accepts WebSocket upgrades at the GraphQL path and runs one graphql-transport-ws connection per socket.</summary>
internal sealed class GraphQLWebSocketHandler
{
    private readonly GraphQLRequestExecutor _executor;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IOptions<GraphQLTransportOptions> _options;
    private readonly ILoggerFactory _loggerFactory;

    public GraphQLWebSocketHandler(
        GraphQLRequestExecutor executor,
        IGraphQLTextSerializer serializer,
        IOptions<GraphQLTransportOptions> options,
        ILoggerFactory loggerFactory)
    {
        _executor = executor;
        _serializer = serializer;
        _options = options;
        _loggerFactory = loggerFactory;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var logger = _loggerFactory.CreateLogger<GraphQLTransportWsConnection>();
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLTransportWsMessageTypes.SubProtocol))
        {
            // The protocol asks for close code 4406, which needs an open socket to be sent on.
            using var rejected = await context.WebSockets.AcceptWebSocketAsync();
            TransportLog.ClosingWebSocket(logger, GraphQLTransportWsMessageTypes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            handshake.CancelAfter(_options.Value.CloseHandshakeTimeout);
            try
            {
                await rejected.CloseAsync((WebSocketCloseStatus)GraphQLTransportWsMessageTypes.SubprotocolNotAcceptable,
                    "Subprotocol not acceptable", handshake.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // The client did not finish the close handshake; dropping the connection is all that is left.
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(GraphQLTransportWsMessageTypes.SubProtocol);
        await using var connection = new GraphQLTransportWsConnection(socket, context, _executor, _serializer, _options.Value, logger);
        await connection.RunAsync(context.RequestAborted);
    }
}
