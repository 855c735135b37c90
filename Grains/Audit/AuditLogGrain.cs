using System.Collections.Immutable;
using Frontline.Abstractions.Audit;
using Frontline.Grains.Common;

namespace Frontline.Grains.Audit;

/// <summary>One UTC day of the audit log, in the business storage so it is as durable as what it records.</summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Frontline)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    public async Task AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        state.State.Entries.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not logged: drop it from memory too, so a later write does not pretend otherwise.
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1);
            throw;
        }
    }

    public Task<AuditPage> ReadAsync(int first, long? before)
    {
        var entries = state.State.Entries;
        var start = (int)Math.Clamp((before ?? entries.Count) - 1, -1, entries.Count - 1);
        var take = Math.Max(0, Math.Min(first, start + 1));
        var items = Enumerable.Range(0, take).Select(i => entries[start - i]).ToImmutableArray();
        return Task.FromResult(new AuditPage { Items = items, FirstSequence = start, TotalCount = entries.Count, HasNextPage = start + 1 - take > 0 });
    }
}
