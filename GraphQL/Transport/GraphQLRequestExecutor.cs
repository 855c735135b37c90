using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.GraphQL.Transport;

/// <summary>Parses and executes a GraphQL request against whatever schema is registered, for every transport alike.</summary>
internal sealed class GraphQLRequestExecutor
{
    private readonly IDocumentExecuter _executer;
    private readonly IDocumentBuilder _documentBuilder;
    private readonly ILogger<GraphQLRequestExecutor> _logger;
    private readonly GraphQLTransportOptions _options;

    public GraphQLRequestExecutor(IDocumentExecuter executer, IDocumentBuilder documentBuilder, IOptions<GraphQLTransportOptions> options, ILogger<GraphQLRequestExecutor> logger)
    {
        _executer = executer;
        _documentBuilder = documentBuilder;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Parses the document and finds the operation type, without executing anything.</summary>
    public PreparedRequest Prepare(GraphQLRequest request)
    {
        GraphQLDocument document;
        try
        {
            // The registered builder carries the configured parser limits (depth, comments).
            document = _documentBuilder.Build(request.Query ?? string.Empty);
        }
        catch (SyntaxError error)
        {
            return PreparedRequest.Failed(request, new ExecutionResult(error));
        }
        catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException error)
        {
            return PreparedRequest.Failed(request, new ExecutionResult(new DocumentTooDeepError(error)));
        }

        if (DocumentShape.Problem(document, _options.MaxSelections, _options.MaxDepth) is { } problem)
        {
            return PreparedRequest.Failed(request, new ExecutionResult(new ComplexityError(problem)));
        }

        return PreparedRequest.Parsed(request, document, FindOperationType(document, request.OperationName));
    }

    /// <summary>Executes a prepared request; the result may hold subscription streams.</summary>
    public Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, IServiceProvider requestServices, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (prepared.Failure is not null)
        {
            return Task.FromResult(prepared.Failure);
        }

        var request = prepared.Request;
        var options = new ExecutionOptions
        {
            Schema = requestServices.GetRequiredService<ISchema>(),
            Query = request.Query,
            Document = prepared.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = requestServices,
            User = user,
            CancellationToken = cancellationToken,

            // Queries only. A mutation is bounded by its batch size and runs to completion, because a TIMEOUT answer
            // after some of its writes landed would leave the client guessing; a subscription's execution only sets
            // up its stream, which lives as long as the client wants it.
            Timeout = prepared.OperationType == OperationType.Query ? _options.ExecutionTimeout : Timeout.InfiniteTimeSpan,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = context =>
            {
                // The client only sees a generic INTERNAL error, so the exception must reach the log.
                TransportLog.UnhandledExecutionException(_logger, context.OriginalException, request.OperationName);
                return Task.CompletedTask;
            },
        };
        return _executer.ExecuteAsync(options);
    }

    private static OperationType? FindOperationType(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (string.IsNullOrEmpty(operationName))
            {
                if (found is not null)
                {
                    return null;
                }

                found = operation;
            }
            else if (operation.Name is { } name && name.Value.Span.SequenceEqual(operationName.AsSpan()))
            {
                return operation.Operation;
            }
        }

        return found?.Operation;
    }
}
