namespace Frontline.GraphQL.Transport;

/// <summary>Settings of the GraphQL HTTP and WebSocket transports.</summary>
public sealed class GraphQLTransportOptions
{
    /// <summary>
    /// How long a WebSocket client may take to send <c>connection_init</c> before the server closes
    /// the socket with 4408, so idle unauthenticated sockets cannot pile up.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest WebSocket message accepted from a client; a larger one closes the socket with 4400.</summary>
    public int MaxWebSocketMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the server waits for the client's close frame after it started closing the socket.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
