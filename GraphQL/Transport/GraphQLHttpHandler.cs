using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Frontline.GraphQL.Transport;

/// <summary>GraphQL over HTTP (graphql.github.io/graphql-over-http): GET for queries, POST with a JSON body.</summary>
internal sealed class GraphQLHttpHandler
{
    private readonly GraphQLRequestExecutor _executor;
    private readonly IGraphQLSerializer _serializer;
    private readonly IGraphQLTextSerializer _textSerializer;
    private readonly ILogger<GraphQLHttpHandler> _logger;

    public GraphQLHttpHandler(
        GraphQLRequestExecutor executor,
        IGraphQLSerializer serializer,
        IGraphQLTextSerializer textSerializer,
        ILogger<GraphQLHttpHandler> logger)
    {
        _executor = executor;
        _serializer = serializer;
        _textSerializer = textSerializer;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var mediaType = GraphQLMediaTypes.NegotiateResponse(context.Request);
        var cancellationToken = context.RequestAborted;
        try
        {
            var isGet = HttpMethods.IsGet(context.Request.Method);
            if (!isGet && !GraphQLMediaTypes.IsJsonRequest(context.Request))
            {
                await WriteErrorAsync(context, mediaType, StatusCodes.Status415UnsupportedMediaType, GraphQLErrorCodes.UnsupportedMediaType,
                    "Requests must have the content type application/json.");
                return;
            }

            var (request, problem) = isGet ? ReadQueryString(context.Request) : await ReadBodyAsync(context.Request, cancellationToken);
            if (request is null)
            {
                await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, GraphQLErrorCodes.BadRequest, problem!);
                return;
            }

            var prepared = _executor.Prepare(request);
            if (isGet && prepared.OperationType == OperationType.Mutation)
            {
                // GET must be safe (spec §7.1.1): a mutation would change state on a link prefetch.
                context.Response.Headers.Allow = HttpMethods.Post;
                await WriteErrorAsync(context, mediaType, StatusCodes.Status405MethodNotAllowed, GraphQLErrorCodes.MethodNotAllowed,
                    "Mutations can only be sent with POST.");
                return;
            }

            if (prepared.OperationType == OperationType.Subscription)
            {
                await WriteErrorAsync(context, mediaType, StatusCodes.Status400BadRequest, GraphQLErrorCodes.BadRequest,
                    "Subscriptions are served over WebSocket (graphql-transport-ws) at this path.");
                return;
            }

            var result = await _executor.ExecuteAsync(prepared, context.RequestServices, context.User, cancellationToken);
            await WriteResultAsync(context, mediaType, StatusFor(result, mediaType), result, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is nobody left to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's own limits (body size, malformed framing) are the client's fault, not ours.
            var tooLarge = exception.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await WriteErrorAsync(context, mediaType, exception.StatusCode, tooLarge ? GraphQLErrorCodes.PayloadTooLarge : GraphQLErrorCodes.BadRequest,
                tooLarge ? "The request body is larger than the server accepts." : "The request could not be read.");
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            TransportLog.HttpRequestFailed(_logger, exception);
            await WriteErrorAsync(context, mediaType, StatusCodes.Status500InternalServerError, GraphQLErrorCodes.Internal,
                TransportErrorInfoProvider.InternalMessage);
        }
    }

    // application/json keeps 200 for document errors so legacy clients read the body (spec §6.4.1);
    // graphql-response+json uses 4xx whenever there is no data entry (spec §6.4.2).
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (result.Errors is { } timeouts && timeouts.Any(e => e is TimeoutError))
        {
            // Checked first: a timed-out operation may still report partial data.
            return StatusCodes.Status504GatewayTimeout;
        }

        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var requestProblem = result.Errors is { Count: > 0 } errors && errors.All(e => e is DocumentError or RequestError);
        if (!requestProblem)
        {
            return StatusCodes.Status500InternalServerError;
        }

        return mediaType == GraphQLMediaTypes.JsonUtf8 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    private (GraphQLRequest? Request, string? Problem) ReadQueryString(HttpRequest httpRequest)
    {
        var query = httpRequest.Query;
        if (query["query"] is not { Count: 1 } queryText || string.IsNullOrEmpty(queryText[0]))
        {
            return (null, "The query parameter 'query' is required.");
        }

        var request = new GraphQLRequest { Query = queryText[0], OperationName = NullIfEmpty(query["operationName"]) };
        try
        {
            if (NullIfEmpty(query["variables"]) is { } variables)
            {
                request.Variables = _textSerializer.Deserialize<Inputs>(variables);
            }

            if (NullIfEmpty(query["extensions"]) is { } extensions)
            {
                request.Extensions = _textSerializer.Deserialize<Inputs>(extensions);
            }
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return (null, "The query parameters 'variables' and 'extensions' must be JSON objects.");
        }

        return (request, null);
    }

    private async Task<(GraphQLRequest? Request, string? Problem)> ReadBodyAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        GraphQLRequest? request;
        try
        {
            request = await _serializer.ReadAsync<GraphQLRequest>(httpRequest.Body, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The serializer also throws JsonException for well-formed JSON of the wrong shape ("query": 1).
            return (null, "The request body must be a JSON object with a string 'query' and optional 'operationName', 'variables' and 'extensions'.");
        }

        return string.IsNullOrEmpty(request?.Query)
            ? (null, "The request body must contain a non-empty string 'query'.")
            : (request, null);
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues values)
        => values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private Task WriteErrorAsync(HttpContext context, string mediaType, int statusCode, string code, string message)
    {
        var result = new ExecutionResult(new ExecutionError(message) { Code = code });
        return WriteResultAsync(context, mediaType, statusCode, result, context.RequestAborted);
    }

    private async Task WriteResultAsync(HttpContext context, string mediaType, int statusCode, ExecutionResult result, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = mediaType;
        await _serializer.WriteAsync(context.Response.Body, result, cancellationToken);
    }
}
