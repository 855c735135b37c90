using GraphQL.Execution;

namespace Frontline.GraphQL.Transport;

/// <summary>A document nested deeper than the parser allows: a parse failure, reported like one (not as an internal error).</summary>
internal sealed class DocumentTooDeepError(Exception inner)
    : DocumentError("The document is nested deeper than the parser allows.", inner)
{
}
