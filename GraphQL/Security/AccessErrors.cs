using Frontline.Abstractions.Common;
using GraphQL;

namespace Frontline.GraphQL.Security;

/// <summary>The errors of a refused call; their messages say nothing about what exists.</summary>
public static class AccessErrors
{
    /// <summary>Message of every FORBIDDEN error, whatever was refused and why.</summary>
    public const string ForbiddenMessage = "Not allowed for this caller.";

    /// <summary>Message of the UNAVAILABLE error of a mutation whose audit entry could not be stored.</summary>
    public const string AuditUnavailableMessage = "storage unavailable while recording the audit entry; the change may have been applied: retry (batches and touches are idempotent; read an opportunity before closing it again)";

    /// <summary>Message of every UNAUTHENTICATED error.</summary>
    public const string UnauthenticatedMessage = "Authentication required: send a valid bearer token (Authorization: Bearer <token>) or API key.";

    /// <summary>The error for a refusal.</summary>
    public static ExecutionError For(AccessDecision decision) => decision == AccessDecision.Unauthenticated
        ? new ExecutionError(UnauthenticatedMessage) { Code = ErrorCodes.Unauthenticated }
        : new ExecutionError(ForbiddenMessage) { Code = ErrorCodes.Forbidden };
}
