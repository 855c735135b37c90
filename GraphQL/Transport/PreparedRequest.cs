using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace Frontline.GraphQL.Transport;

/// <summary>
/// A request whose document was parsed before execution, so a transport can look at the operation type
/// (mutations over GET, subscriptions over HTTP) before running anything.
/// </summary>
internal sealed class PreparedRequest
{
    private PreparedRequest(GraphQLRequest request, GraphQLDocument? document, OperationType? operationType, ExecutionResult? failure)
    {
        Request = request;
        Document = document;
        OperationType = operationType;
        Failure = failure;
    }

    public GraphQLRequest Request { get; }

    /// <summary>The parsed document; null when parsing failed.</summary>
    public GraphQLDocument? Document { get; }

    /// <summary>Type of the operation the request selects; null when the document names none unambiguously (execution reports why).</summary>
    public OperationType? OperationType { get; }

    /// <summary>The result to send instead of executing, when the document could not be parsed.</summary>
    public ExecutionResult? Failure { get; }

    public static PreparedRequest Parsed(GraphQLRequest request, GraphQLDocument document, OperationType? operationType)
        => new(request, document, operationType, null);

    public static PreparedRequest Failed(GraphQLRequest request, ExecutionResult failure)
        => new(request, null, null, failure);
}
