using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace Frontline.GraphQL.Transport;

/// <summary>
/// Shapes every error the serializer writes: a stable <c>extensions.code</c> on each, and for unexpected
/// exceptions a generic message only, because GraphQL.NET would otherwise derive codes and messages from
/// internal exception types.
/// </summary>
internal sealed class TransportErrorInfoProvider : ErrorInfoProvider
{
    internal const string InternalMessage = "An internal error occurred.";

    public TransportErrorInfoProvider()
        : base(new ErrorInfoProviderOptions
        {
            ExposeExceptionDetails = false,
            ExposeExtensions = true,
            ExposeCode = true,
            // "codes" lists inner exception type names, which are internal details.
            ExposeCodes = false,
            ExposeData = true,
        })
    {
    }

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var code = GetCode(executionError);
        if (code == GraphQLErrorCodes.Internal)
        {
            // Data and extensions of an unexpected exception may hold internals: drop them all.
            return new ErrorInfo
            {
                Message = InternalMessage,
                Extensions = new Dictionary<string, object?> { ["code"] = code },
            };
        }

        var info = base.GetInfo(executionError);
        var extensions = info.Extensions is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(info.Extensions);
        extensions["code"] = code;
        if (executionError.InnerException is not null and not ExecutionError)
        {
            // GraphQL.NET copies a wrapped exception's Data (a database error's SQL state and detail, say) into "data".
            extensions.Remove("data");
        }

        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }

    /// <summary>Maps an error to the code clients see; document problems get the codes the GraphQL community uses.</summary>
    internal static string GetCode(ExecutionError error) => error switch
    {
        UnhandledError => GraphQLErrorCodes.Internal,
        TimeoutError => GraphQLErrorCodes.Timeout,
        ComplexityError => GraphQLErrorCodes.QueryTooComplex,
        SyntaxError or DocumentTooDeepError => GraphQLErrorCodes.ParseFailed,
        ValidationError or DocumentError => GraphQLErrorCodes.ValidationFailed,
        RequestError => GraphQLErrorCodes.BadRequest,
        _ => error.Code ?? GraphQLErrorCodes.ExecutionFailed,
    };
}
