using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Streams;
using Frontline.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Attribution;

/// <summary>
/// Plumbing for a scope: routes journey records to their hour buckets, keeps the index of hours, answers views
/// from the slices of the buckets in the period, and signals subscribers after every change.
/// </summary>
public sealed class AttributionScopeGrain(
    [PersistentState("attribution-scope", StorageNames.Frontline)] IPersistentState<AttributionScopeState> state,
    IOptions<AttributionOptions> options,
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
            await state.SaveAsync(state.State with { Hours = hours }, this);
        }

        await PublishAsync();
    }

    public async Task<AttributionReport> GetReportAsync(AttributionQuery query)
    {
        var slices = await SlicesAsync(query, AttributionReportBuilder.PartsFor(query.Model));

        // Off the activation's scheduler: a large MARKOV solve must not hold up the scope's writes and other reads.
        return await Task.Run(() => AttributionReportBuilder.Build(Scope, query, slices));
    }

    public async Task<ImmutableArray<HeatCell>> GetHeatmapAsync(AttributionQuery query)
    {
        if (CreditRules.IsPerJourney(query.Model))
        {
            return AttributionReportBuilder.Heatmap(query.Model, await SlicesAsync(query, SliceParts.Heat), modelCredits: null);
        }

        var linear = await SlicesAsync(query with { Model = AttributionModel.Linear }, SliceParts.Heat);
        var report = await GetReportAsync(query);
        var credits = report.Credits.ToDictionary(c => c.Key, c => new Models.KeyCredit(c.Conversions, c.Value), StringComparer.Ordinal);
        return AttributionReportBuilder.Heatmap(query.Model, linear, credits);
    }

    public async Task<PathStats> GetPathStatsAsync(AttributionQuery query) =>
        AttributionReportBuilder.Stats(Scope, await SlicesAsync(query, SliceParts.Totals));

    public async Task<ImmutableArray<ContentCombination>> GetContentCombinationsAsync(AttributionQuery query) =>
        AttributionReportBuilder.Combinations(await SlicesAsync(query, SliceParts.Combinations), minimumSupport: 1);

    public async Task<int> ReplaceImportedPathsAsync(ImmutableArray<PathTally> paths)
    {
        await state.SaveAsync(state.State with { ImportedPaths = paths }, this);
        await PublishAsync();
        return paths.Length;
    }

    /// <summary>The slices of the hours in the period (fetched in parallel), plus the imported paths.</summary>
    private async Task<IReadOnlyCollection<AttributionSlice>> SlicesAsync(AttributionQuery query, SliceParts parts)
    {
        var first = query.From is { } from ? AttributionBuckets.HourOf(from) : long.MinValue;
        var last = query.To is { } to ? AttributionBuckets.HourOf(to.AddTicks(-1)) : long.MaxValue;
        var hours = first > last ? [] : state.State.Hours.Where(h => h >= first && h <= last).ToList();
        var request = new SliceRequest { Query = query, Parts = parts };
        var slices = (await Task.WhenAll(hours.Select(hour => GrainFactory.GetAttributionBucketGrain(Scope, hour).GetSliceAsync(request)))).ToList();
        if (!state.State.ImportedPaths.IsEmpty)
        {
            slices.Add(AttributionReportBuilder.FromImportedPaths(state.State.ImportedPaths, query, options.Value.Heuristics));
        }

        return slices;
    }

    private Task PublishAsync() =>
        this.GetStreamProvider(StreamNames.Provider)
            .GetStream<ScopeUpdated>(StreamId.Create(StreamNames.Attribution, Scope))
            .OnNextAsync(new ScopeUpdated { Scope = Scope, At = clock.GetUtcNow() });
}
