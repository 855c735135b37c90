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

    /// <summary>
    /// Deepest selection nesting an operation may have (<c>QUERY_TOO_COMPLEX</c> beyond). The full introspection
    /// query GraphiQL sends nests 13 levels, so the default leaves room for it.
    /// </summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>
    /// Highest complexity score an operation may have (<c>QUERY_TOO_COMPLEX</c> beyond): 1 per field; children of a
    /// list field count 5 times, or <c>first</c> times under a paged connection (a full 500-entry journey page is
    /// about 3,500). Introspection fields count nothing, so schema tools are never refused.
    /// </summary>
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>
    /// Most selections (fields, fragment spreads, inline fragments) a document may hold, counted over all its
    /// operations and fragments, and deepest chain of fragments spreading fragments (<c>MaxDepth</c> applies).
    /// Checked right after parsing (<c>QUERY_TOO_COMPLEX</c> beyond), because GraphQL.NET's validation of overlapping
    /// fields costs more than quadratic time in them and recurses once per fragment of a chain (a chain of 2,000
    /// fragments overflowed the stack and killed the process). GraphiQL's full introspection query holds about 70.
    /// </summary>
    public int MaxSelections { get; set; } = 500;

    /// <summary>
    /// How long one query may run before it is cancelled and answered with <c>TIMEOUT</c>. Mutations (bounded by their
    /// batch sizes) and subscription streams are exempt.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Operations (subscriptions and in-flight queries) one WebSocket may run at once; more get an <c>error</c> with <c>TOO_MANY_SUBSCRIPTIONS</c>.</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;
}
