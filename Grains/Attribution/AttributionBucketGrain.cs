using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Common;
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Attribution;

/// <summary>
/// One scope's journey records of one hour. Keeps a <see cref="JourneySummary"/> in memory, updated record by
/// record on every write and rebuilt on activation, so answering a whole hour does not revisit its records.
/// </summary>
public sealed class AttributionBucketGrain(
    [PersistentState("attribution-bucket", StorageNames.Frontline)] IPersistentState<AttributionBucketState> state,
    IOptions<AttributionOptions> options) : Grain, IAttributionBucketGrain
{
    private readonly HashSet<string> _contentActions = new(options.Value.ContentActions, StringComparer.Ordinal);
    private JourneySummary _summary = null!;

    private long Hour => AttributionBuckets.HourOfKey(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _summary = JourneySummary.Of(state.State.Records.Values, options.Value.Heuristics, _contentActions);
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(AttributionChange change)
    {
        var before = state.State.Records;
        var records = before.RemoveRange(change.Removals.Select(k => k.Id)).SetItems(change.Upserts.Select(r => KeyValuePair.Create(r.Id, r)));
        if (records.Count == before.Count && records.All(kv => before.GetValueOrDefault(kv.Key) == kv.Value))
        {
            return;
        }

        await state.SaveAsync(state.State with { Records = records }, this);
        foreach (var id in change.Removals.Select(k => k.Id).Concat(change.Upserts.Select(r => r.Id)).Distinct(StringComparer.Ordinal))
        {
            if (before.TryGetValue(id, out var old))
            {
                _summary.Add(old, -1);
            }

            if (records.TryGetValue(id, out var current))
            {
                _summary.Add(current, +1);
            }
        }
    }

    public Task<ImmutableArray<ConversionRecord>> GetAsync() => Task.FromResult(state.State.Records.Values.ToImmutableArray());

    public Task<AttributionSlice> GetSliceAsync(SliceRequest request)
    {
        var query = request.Query;
        var start = AttributionBuckets.StartOf(Hour);
        var wholeHour = (query.From is not { } from || from <= start) && (query.To is not { } to || to >= start.AddHours(1));
        if (wholeHour)
        {
            return Task.FromResult(_summary.Slice(request, request.Parts.HasFlag(SliceParts.Heat) ? state.State.Records.Values : null));
        }

        // An hour cut by the period: summarise just the records inside it.
        var inside = state.State.Records.Values.Where(r => AttributionReportBuilder.InPeriod(r.At, query)).ToList();
        return Task.FromResult(JourneySummary.Of(inside, options.Value.Heuristics, _contentActions).Slice(request, inside));
    }
}
