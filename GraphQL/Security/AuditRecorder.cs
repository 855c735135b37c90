using Frontline.Abstractions;
using Frontline.Abstractions.Audit;

namespace Frontline.GraphQL.Security;

/// <summary>Writes audit entries for a caller; shared by the GraphQL mutations and the bulk ingest endpoint.</summary>
public static class AuditRecorder
{
    /// <summary>Outcome of a request that succeeded.</summary>
    public const string Ok = "OK";

    /// <summary>
    /// Appends an entry for a request that already failed, without letting a second failure (storage down) replace
    /// the first in the caller's answer: such a request changed nothing, so its entry is best effort.
    /// </summary>
    /// <returns>False when the entry could not be stored.</returns>
    public static async Task<bool> TryRecordAsync(IGrainFactory grains, Caller caller, string operation, string? target, string outcome, string? detail, TimeProvider clock)
    {
        try
        {
            await RecordAsync(grains, caller, operation, target, outcome, detail, clock);
            return true;
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ArgumentException))
        {
            return false;
        }
    }

    /// <summary>Appends one entry to the day's log and returns once it is stored.</summary>
    public static Task RecordAsync(IGrainFactory grains, Caller caller, string operation, string? target, string outcome, string? detail, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(clock);
        var at = clock.GetUtcNow();
        var entry = new AuditEntry
        {
            At = at,
            Subject = caller.Subject,
            Role = caller.Role,
            Operation = operation,
            Target = target,
            Outcome = outcome,
            Detail = detail,
        };
        return grains.GetAuditLogGrain(at).AppendAsync(entry);
    }
}
