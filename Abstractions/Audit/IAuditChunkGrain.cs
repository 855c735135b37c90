using System.Collections.Immutable;

namespace Frontline.Abstractions.Audit;

/// <summary>
/// Up to <see cref="AuditDays.ChunkSize"/> consecutive entries of one day's log, keyed <c>yyyy-MM-dd/n</c>
/// (<see cref="AuditDays.ChunkKey"/>): appending rewrites one small chunk, never the whole day.
/// </summary>
[Alias("Frontline.IAuditChunkGrain")]
public interface IAuditChunkGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="entry"/> at <paramref name="index"/>: the next free place, or one already taken (a retry).</summary>
    Task PutAsync(int index, AuditEntry entry);

    /// <summary>The chunk's entries in order.</summary>
    Task<ImmutableArray<AuditEntry>> GetAsync();
}
