using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;

namespace Frontline.Bench;

/// <summary>
/// Part 2b: one record written to one hour bucket (the call the scope grain makes for every change) while that
/// hour already holds k records. Isolates the bucket's write from the rest of the ingest path.
/// </summary>
public static class BucketWrites
{
    public const int Warmup = 5;

    public const int Runs = 30;

    public static async Task<IReadOnlyList<BucketWriteRow>> RunAsync(IGrainFactory grains, IReadOnlyList<int> sizes)
    {
        var rows = new List<BucketWriteRow>();
        var hour = AttributionBuckets.HourOf(SyntheticJourneys.PeriodStart);
        foreach (var size in sizes)
        {
            var scope = $"bench/bucket-{size}";
            var bucket = grains.GetAttributionBucketGrain(scope, hour);

            // All records in the first hour of the period: the generator spreads count records over 720 hours,
            // so ask for 720x as many and keep the first hour's.
            var records = SyntheticJourneys.RecordBatches(scope, size * SyntheticJourneys.Hours, seed: size, batchSize: size).First();
            await bucket.ApplyAsync(new AttributionChange { Upserts = records });
            var extra = SyntheticJourneys.RecordBatches(scope + "/extra", SyntheticJourneys.Hours * (Warmup + Runs), seed: 1_000_000 + size, batchSize: Warmup + Runs).First();
            var next = 0;

            // Each run adds one record and, untimed, removes it again, so the hour stays at its size.
            var sample = await Timing.MeasureAsync(
                Warmup,
                Runs,
                () => bucket.ApplyAsync(new AttributionChange { Upserts = [extra[next]] }),
                after: () => bucket.ApplyAsync(new AttributionChange { Removals = [new ConversionKey { Id = extra[next].Id, At = extra[next++].At }] }));
            rows.Add(new BucketWriteRow(size, (await bucket.GetAsync()).Length, sample));
        }

        return rows;
    }
}
