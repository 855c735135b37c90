using System.Collections.Immutable;
using Frontline.Abstractions.Audit;
using Frontline.Grains.Common;

namespace Frontline.Grains.Audit;

/// <summary>A run of consecutive audit entries; only its day's <see cref="AuditLogGrain"/> writes to it.</summary>
public sealed class AuditChunkGrain(
    [PersistentState("audit-chunk", StorageNames.Frontline)] IPersistentState<AuditChunkState> state) : Grain, IAuditChunkGrain
{
    public async Task PutAsync(int index, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        if (index < 0 || index > entries.Count || index >= AuditDays.ChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the next free place is {entries.Count}");
        }

        // A place already taken is a retry by a day grain that did not get to store its count: the new entry wins.
        var previous = index < entries.Count ? entries[index] : null;
        if (previous is null)
        {
            entries.Add(entry);
        }
        else
        {
            entries[index] = entry;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not there: memory must not claim otherwise.
            if (previous is null)
            {
                entries.RemoveAt(index);
            }
            else
            {
                entries[index] = previous;
            }

            throw;
        }
    }

    public Task<ImmutableArray<AuditEntry>> GetAsync() => Task.FromResult(state.State.Entries.ToImmutableArray());
}
