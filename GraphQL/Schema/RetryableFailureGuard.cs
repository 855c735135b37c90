using Frontline.Abstractions.Common;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema;

/// <summary>
/// Turns a transient failure (<see cref="TransientFailures"/>) of any root field into the retryable <c>UNAVAILABLE</c>,
/// so a single mutation or query that meets a dead silo or a database outage says "retry", as the batch mutations do.
/// </summary>
public static class RetryableFailureGuard
{
    /// <summary>Message of the error; a single mutation may have been applied before the failure.</summary>
    public const string Message = "storage or cluster unavailable; retry (a single mutation may already have been applied: read an opportunity before closing it again)";

    /// <summary>Wraps the resolver of every field of <paramref name="root"/> (stream resolvers are left alone).</summary>
    public static void Wrap(IObjectGraphType root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var field in root.Fields)
        {
            if (field.StreamResolver is null && field.Resolver is { } resolver)
            {
                field.Resolver = new Resolver(resolver);
            }
        }
    }

    /// <summary>
    /// The retryable error <paramref name="exception"/> stands for, or null when it is not a transient failure. For
    /// grain calls made outside a wrapped resolver (the access guard's target lookups).
    /// </summary>
    public static ExecutionError? AsUnavailable(Exception exception) =>
        exception is not ExecutionError and not OperationCanceledException && TransientFailures.IsTransient(exception)
            ? new ExecutionError(Message, exception) { Code = ErrorCodes.Unavailable }
            : null;

    private sealed class Resolver(IFieldResolver inner) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            try
            {
                return await inner.ResolveAsync(context);
            }
            catch (Exception exception) when (AsUnavailable(exception) is { } unavailable)
            {
                throw unavailable;
            }
        }
    }
}
