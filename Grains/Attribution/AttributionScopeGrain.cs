using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Streams;
using Frontline.Grains.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Grains.Attribution;

/// <summary>
/// Plumbing for a scope: routes conversion records to their hour buckets, keeps the index of hours, answers
/// reports from the buckets in the period, and signals subscribers after every change.
/// </summary>
public sealed class AttributionScopeGrain(
    [PersistentState("attribution-scope", StorageNames.Frontline)] IPersistentState<AttributionScopeState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IAttributionScopeGrain
{
    private string Scope => this.GetPrimaryKeyString();

    public async Task ApplyAsync(AttributionChange change)
    {
        var byHour = change.Upserts.Select(r => AttributionBuckets.HourOf(r.At))
            .Concat(change.Removals.Select(k => AttributionBuckets.HourOf(k.At)))
            .Distinct()
            .ToList();
        await Task.WhenAll(byHour.Select(hour => GrainFactory.GetAttributionBucketGrain(Scope, hour).ApplyAsync(new AttributionChange
        {
            Upserts = [.. change.Upserts.Where(r => AttributionBuckets.HourOf(r.At) == hour)],
            Removals = [.. change.Removals.Where(k => AttributionBuckets.HourOf(k.At) == hour)],
        })));

        var hours = state.State.Hours.Union(byHour);
        if (hours.Count != state.State.Hours.Count)
        {
            state.State = state.State with { Hours = hours };
            await state.WriteStateAsync();
        }

        await this.GetStreamProvider(StreamNames.Provider)
            .GetStream<ScopeUpdated>(StreamId.Create(StreamNames.Attribution, Scope))
            .OnNextAsync(new ScopeUpdated { Scope = Scope, At = clock.GetUtcNow() });
    }

    public async Task<AttributionReport> GetReportAsync(AttributionQuery query)
    {
        var first = query.From is { } from ? AttributionBuckets.HourOf(from) : long.MinValue;
        var last = query.To is { } to ? AttributionBuckets.HourOf(to.AddTicks(-1)) : long.MaxValue;
        var hours = first > last ? [] : state.State.Hours.Where(h => h >= first && h <= last).ToList();
        var buckets = await Task.WhenAll(hours.Select(hour => GrainFactory.GetAttributionBucketGrain(Scope, hour).GetAsync()));
        return AttributionReportBuilder.Build(Scope, query, buckets.SelectMany(b => b));
    }
}
