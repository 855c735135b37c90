namespace Frontline.Abstractions.Audit;

/// <summary>
/// The audit log of one UTC day, keyed <c>yyyy-MM-dd</c> (see <see cref="AuditDays"/>): it numbers the entries and
/// keeps them in chunk grains, so an append writes one chunk and a counter whatever the day's size. One entry per
/// request, so batch ingestion costs one append per batch.
/// </summary>
[Alias("Frontline.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry and returns once it is stored.</summary>
    Task AppendAsync(AuditEntry entry);

    /// <summary>Up to <paramref name="first"/> entries, newest first, older than sequence <paramref name="before"/> (all when null).</summary>
    Task<AuditPage> ReadAsync(int first, long? before);
}
