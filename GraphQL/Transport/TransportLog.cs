using Microsoft.Extensions.Logging;

namespace Frontline.GraphQL.Transport;

/// <summary>Log messages of the GraphQL transports.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception while executing GraphQL operation {OperationName}")]
    public static partial void UnhandledExecutionException(ILogger logger, Exception exception, string? operationName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "GraphQL HTTP request failed")]
    public static partial void HttpRequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "GraphQL WebSocket operation {OperationId} failed")]
    public static partial void WebSocketOperationFailed(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Closing GraphQL WebSocket with {CloseCode}: {Reason}")]
    public static partial void ClosingWebSocket(ILogger logger, int closeCode, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "GraphQL WebSocket connection ended")]
    public static partial void WebSocketConnectionEnded(ILogger logger, Exception exception);
}
