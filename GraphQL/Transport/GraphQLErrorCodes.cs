namespace Frontline.GraphQL.Transport;

/// <summary>The <c>extensions.code</c> values the transports produce themselves.</summary>
public static class GraphQLErrorCodes
{
    /// <summary>The HTTP request is not a GraphQL request: bad JSON, no <c>query</c>, bad <c>variables</c>.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document does not validate against the schema, or names no runnable operation.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>An unexpected server failure; the message is generic and the exception is only logged.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>An <c>ExecutionError</c> raised without a code.</summary>
    public const string ExecutionFailed = "EXECUTION_FAILED";

    /// <summary>The operation type is not allowed over this HTTP method (mutation over GET).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The POST body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The request body exceeds the server's limit.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The operation nests deeper or scores more complex than the configured limits.</summary>
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    /// <summary>The operation ran longer than the execution timeout and was cancelled.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>A WebSocket connection already runs as many operations as it may.</summary>
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    /// <summary>The client sent more requests than its rate limit allows; retry after <c>Retry-After</c> seconds.</summary>
    public const string RateLimited = "RATE_LIMITED";
}
