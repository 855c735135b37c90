using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Audit;
using Frontline.Grains.Common;

namespace Frontline.Grains.Audit;

/// <summary>
/// One UTC day of the audit log, in the business storage so it is as durable as what it records. Entries are
/// numbered in arrival order and kept in chunks of <see cref="AuditDays.ChunkSize"/>, so an append rewrites one
/// chunk and this grain's counter, never the whole day.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Frontline)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    private string Day => this.GetPrimaryKeyString();

    public async Task AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sequence = state.State.Count;
        await GrainFactory.GetAuditChunkGrain(Day, sequence / AuditDays.ChunkSize).PutAsync((int)(sequence % AuditDays.ChunkSize), entry);
        state.State = state.State with { Count = sequence + 1 };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The chunk holds the entry but the count does not: the next append takes the same place again.
            state.State = state.State with { Count = sequence };
            throw;
        }
    }

    public async Task<AuditPage> ReadAsync(int first, long? before)
    {
        var count = state.State.Count;
        var start = Math.Clamp((before ?? count) - 1, -1, count - 1);
        var take = (int)Math.Max(0, Math.Min(first, start + 1));
        var items = ImmutableArray.CreateBuilder<AuditEntry>(take);
        var sequence = start;
        while (items.Count < take && sequence >= 0)
        {
            var chunk = sequence / AuditDays.ChunkSize;
            var entries = await GrainFactory.GetAuditChunkGrain(Day, chunk).GetAsync();
            for (var index = (int)(sequence % AuditDays.ChunkSize); index >= 0 && items.Count < take; index--)
            {
                if (index < entries.Length)
                {
                    items.Add(entries[index]);
                }
            }

            sequence = (chunk * AuditDays.ChunkSize) - 1;
        }

        return new AuditPage { Items = items.ToImmutable(), FirstSequence = start, TotalCount = (int)count, HasNextPage = start + 1 - take > 0 };
    }
}
