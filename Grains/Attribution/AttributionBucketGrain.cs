using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Common;

namespace Frontline.Grains.Attribution;

/// <summary>One scope's conversion records of one hour; small, so each write stays cheap as history grows.</summary>
public sealed class AttributionBucketGrain(
    [PersistentState("attribution-bucket", StorageNames.Frontline)] IPersistentState<AttributionBucketState> state) : Grain, IAttributionBucketGrain
{
    public async Task ApplyAsync(AttributionChange change)
    {
        var records = state.State.Records.RemoveRange(change.Removals.Select(k => k.Id)).SetItems(change.Upserts.Select(r => KeyValuePair.Create(r.Id, r)));
        if (records.Count == state.State.Records.Count && records.All(kv => state.State.Records.GetValueOrDefault(kv.Key) == kv.Value))
        {
            return;
        }

        state.State = state.State with { Records = records };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ConversionRecord>> GetAsync() => Task.FromResult(state.State.Records.Values.ToImmutableArray());
}
