using System.Collections.Immutable;

namespace Frontline.Abstractions.Audit;

/// <summary>
/// Up to <see cref="AuditDays.ChunkSize"/> consecutive entries of one day's log, keyed <c>yyyy-MM-dd/n</c>
/// (<see cref="AuditDays.ChunkKey"/>): appending rewrites one small chunk, never the whole day.
/// </summary>
[Alias("Frontline.IAuditChunkGrain")]
public interface IAuditChunkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores <paramref name="entries"/> from <paramref name="index"/> on, in one write: the index is the next free place
    /// or one already taken (a retry, whose entries replace what is there), and the entries must fit in the chunk.
    /// </summary>
    Task PutAsync(int index, ImmutableArray<AuditEntry> entries);

    /// <summary>The chunk's entries in order.</summary>
    Task<ImmutableArray<AuditEntry>> GetAsync();
}
