using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Common;
using GraphQL;

namespace Frontline.GraphQL.Schema;

/// <summary>Maps rule rejections to GraphQL errors with a stable <c>extensions.code</c> and the field at fault.</summary>
public static class RejectionErrors
{
    /// <summary>The error for a rejection; <c>extensions.field</c> names the input field.</summary>
    public static ExecutionError ToError(this Rejection rejection)
    {
        return new ExecutionError($"{rejection.Field}: {rejection.Reason}")
        {
            Code = rejection.Code,
            Extensions = new Dictionary<string, object?> { ["field"] = rejection.Field },
        };
    }

    /// <summary>
    /// Returns <paramref name="id"/> when it can address a grain; otherwise throws the VALIDATION error naming
    /// <paramref name="field"/> (an empty key cannot even reach a grain, so this check sits before the call).
    /// </summary>
    public static string RequireId(string? id, string field) =>
        InputLimits.CheckId(id, field) is { } rejection ? throw rejection.ToError() : id!;

    /// <summary>Awaits a report; a documented limit it would exceed becomes a VALIDATION error on <c>model</c>.</summary>
    public static async Task<T> WithinLimits<T>(this Task<T> report)
    {
        try
        {
            return await report;
        }
        catch (AttributionLimitException limit)
        {
            throw Rejection.Invalid("model", limit.Message).ToError();
        }
    }

    /// <summary>
    /// Awaits an idempotent ingestion call; a failure of storage or of the cluster becomes <c>UNAVAILABLE</c>, which
    /// tells the integrator to retry the same batch (items stored before the failure then count as duplicates).
    /// </summary>
    public static async Task<T> RetryableOnFailure<T>(this Task<T> ingestion)
    {
        try
        {
            return await ingestion;
        }
        catch (Exception exception) when (exception is not ExecutionError and not OperationCanceledException)
        {
            throw new ExecutionError("storage or cluster unavailable; retry the same batch", exception) { Code = ErrorCodes.Unavailable };
        }
    }

    /// <summary>The value of a successful result, or the rejection thrown as a GraphQL error.</summary>
    public static T ValueOrThrow<T>(this CommandResult<T> result) =>
        result.Error is { } error ? throw error.ToError() : result.Value!;
}
