using System.Collections.Immutable;
using System.Diagnostics;
using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;

namespace Frontline.Bench;

/// <summary>Loads synthetic journey records into scopes through the real write path, <see cref="IAttributionScopeGrain.ApplyAsync"/>.</summary>
public static class RecordLoader
{
    public const int BatchSize = 2_000;

    // Two calls in flight: the client serialises the next batch while the silo stores the current one.
    // The scope grain is not reentrant, so the silo still applies them one at a time.
    private const int InFlight = 2;

    /// <summary>Loads <paramref name="count"/> records into every scope in <paramref name="scopes"/>; returns the wall time.</summary>
    public static async Task<TimeSpan> LoadAsync(IGrainFactory grains, IReadOnlyList<string> scopes, string idPrefix, int count, int seed, Action<int>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var pending = new Queue<Task>();
        var loaded = 0;
        foreach (var batch in SyntheticJourneys.RecordBatches(idPrefix, count, seed, BatchSize))
        {
            foreach (var scope in scopes)
            {
                if (pending.Count >= InFlight * scopes.Count)
                {
                    await pending.Dequeue();
                }

                pending.Enqueue(grains.GetAttributionScopeGrain(scope).ApplyAsync(new AttributionChange { Upserts = batch }));
            }

            loaded += batch.Length;
            progress?.Invoke(loaded);
        }

        await Task.WhenAll(pending);
        return watch.Elapsed;
    }

    /// <summary>Journeys (conversions + nulls) a scope holds in the synthetic period, as its own statistics report them.</summary>
    public static async Task<long> CountAsync(IGrainFactory grains, string scope)
    {
        var stats = await grains.GetAttributionScopeGrain(scope).GetPathStatsAsync(new AttributionQuery
        {
            From = SyntheticJourneys.PeriodStart,
            To = SyntheticJourneys.PeriodEnd,
        });
        return (long)stats.Journeys;
    }

    /// <summary>The fixed report of part 1: a model by channel over the whole synthetic period.</summary>
    public static AttributionQuery Query(AttributionModel model) => new()
    {
        Model = model,
        By = AttributionDimension.Channel,
        From = SyntheticJourneys.PeriodStart,
        To = SyntheticJourneys.PeriodEnd,
    };

    public static ImmutableArray<string> One(string scope) => [scope];
}
