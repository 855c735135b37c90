using System.Collections.Immutable;
using Frontline.Abstractions.Audit;
using Frontline.Grains.Common;

namespace Frontline.Grains.Audit;

/// <summary>A run of consecutive audit entries; only its day's <see cref="AuditLogGrain"/> writes to it.</summary>
public sealed class AuditChunkGrain(
    [PersistentState("audit-chunk", StorageNames.Frontline)] IPersistentState<AuditChunkState> state) : Grain, IAuditChunkGrain
{
    public async Task PutAsync(int index, ImmutableArray<AuditEntry> entries)
    {
        if (entries.IsDefaultOrEmpty || entries.Any(e => e is null))
        {
            throw new ArgumentException("at least one entry, none of them null", nameof(entries));
        }

        var stored = state.State.Entries;
        if (index < 0 || index > stored.Count || index + entries.Length > AuditDays.ChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the next free place is {stored.Count} and the chunk holds {AuditDays.ChunkSize}");
        }

        // Places already taken belong to a retry by a day grain that did not get to store its count: the new entries win.
        var before = stored.ToList();
        for (var i = 0; i < entries.Length; i++)
        {
            if (index + i < stored.Count)
            {
                stored[index + i] = entries[i];
            }
            else
            {
                stored.Add(entries[i]);
            }
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not there: memory must not claim otherwise.
            stored.Clear();
            stored.AddRange(before);
            throw;
        }
    }

    public Task<ImmutableArray<AuditEntry>> GetAsync() => Task.FromResult(state.State.Entries.ToImmutableArray());
}
