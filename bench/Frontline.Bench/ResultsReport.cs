using System.Globalization;
using System.Text;

namespace Frontline.Bench;

/// <summary>Renders the results as markdown: machine, then one table per part, every ratio against a baseline of the same run.</summary>
public static class ResultsReport
{
    public static string Render(
        MachineInfo machine,
        bool quick,
        TimeSpan wall,
        IReadOnlyList<QueryScalingRow> queries,
        IReadOnlyList<IngestScalingRow> ingest,
        IReadOnlyList<BucketWriteRow> bucketWrites,
        PathModelsResult models,
        (string? Start, string? End) load,
        IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Frontline benchmark results").AppendLine();
        text.AppendLine(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " with `--quick`" : "")}, {wall.TotalMinutes:0.0} min in all. Machine: {machine.Cores} cores (`nproc`), {machine.Cpu}, {machine.Memory} RAM, {machine.Runtime} ({machine.Gc} GC), {machine.Os}."));
        text.AppendLine(Invariant($"Load average (1/5/15 min) at start {load.Start ?? "n/a"}, at end {load.End ?? "n/a"}: other work on the machine shares its cores, so single runs are noisy; compare medians and ratios."));
        text.AppendLine("One in-process silo (`InProcessTestCluster`), `MemoryGrainStorage` for `frontline`, memory streams, in-memory reminders; Release build.").AppendLine();

        text.AppendLine(Invariant($"## 1. Query cost vs conversions in scope")).AppendLine();
        text.AppendLine(Invariant($"One report over {SyntheticJourneys.Days} days x 24 h = {SyntheticJourneys.Hours} hour buckets, by CHANNEL (5 channels); median of {QueryScaling.Runs} runs after {QueryScaling.Warmup} warm-up, sizes queried in interleaved rounds. Journeys are loaded with `IAttributionScopeGrain.ApplyAsync` in batches of {RecordLoader.BatchSize:N0} in time order. Ratio = median / median at the smallest size.")).AppendLine();
        text.AppendLine("| journeys in scope | conversions / nulls | load | load rate | LINEAR median (p90) | LINEAR ratio | MARKOV median (p90) | MARKOV ratio | transition tallies merged by MARKOV | heap growth |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseQuery = queries.FirstOrDefault();
        foreach (var row in queries)
        {
            text.AppendLine(Invariant($"| {row.Size:N0} | {row.Conversions:N0} / {row.Nulls:N0} | {row.Load.TotalSeconds:0.0} s | {row.Size / row.Load.TotalSeconds:N0}/s | {Timing.Ms(row.Linear.Median)} ({Timing.Ms(row.Linear.P90)}) | {Timing.Ratio(row.Linear.Median / baseQuery!.Linear.Median)} | {Timing.Ms(row.Markov.Median)} ({Timing.Ms(row.Markov.P90)}) | {Timing.Ratio(row.Markov.Median / baseQuery.Markov.Median)} | {row.PathTallies:N0} | {row.HeapGrowth / 1024.0 / 1024.0:N0} MiB |"));
        }

        text.AppendLine();
        text.AppendLine("## 2. Cost of ingesting one conversion as history grows").AppendLine();
        text.AppendLine(Invariant($"Fresh B2C customers through `IIngestGrain.RecordTouchesAsync` (1-6 touches + `ContractSigned`), {IngestScaling.Conversions:N0} conversions per step after {IngestScaling.WarmupConversions} warm-up conversions; each lands in `org` and `segment/B2C`, which are preloaded with synthetic journeys to the history shown. One by one = one customer per call, one call at a time; batched = {IngestScaling.BatchCustomers} customers per call. Ratio = time per conversion / the first step's.")).AppendLine();
        text.AppendLine("| journeys held by `org` | preload (both scopes) | one by one: mean per conversion | ratio | one by one: median call | ratio | batched: per conversion | ratio |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseIngest = ingest.FirstOrDefault();
        foreach (var row in ingest)
        {
            text.AppendLine(Invariant($"| {row.Held:N0} | {(row.Preload == TimeSpan.Zero ? "-" : $"{row.Preload.TotalSeconds:0.0} s")} | {Timing.Ms(row.PerConversion)} | {Timing.Ratio(row.PerConversion / baseIngest!.PerConversion)} | {Timing.Ms(row.MedianCall)} | {Timing.Ratio(row.MedianCall / baseIngest.MedianCall)} | {Timing.Ms(row.PerConversionBatched)} | {Timing.Ratio(row.PerConversionBatched / baseIngest.PerConversionBatched)} |"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"### 2b. One record written to one hour bucket")).AppendLine();
        text.AppendLine(Invariant($"`IAttributionBucketGrain.ApplyAsync` with one new record (the call the scope grain makes per change, per hour) while the hour holds k records: k = journeys per hour at 10k, 100k and 1M over {SyntheticJourneys.Hours} hours. Median of {BucketWrites.Runs} after {BucketWrites.Warmup} warm-up; each write is undone untimed. Ratio = median / the smallest k's.")).AppendLine();
        text.AppendLine("| records in the hour | one-record write median (p90) | ratio |");
        text.AppendLine("|---:|---:|---:|");
        var baseWrite = bucketWrites.FirstOrDefault();
        foreach (var row in bucketWrites)
        {
            text.AppendLine(Invariant($"| {row.Size:N0} | {Timing.Ms(row.Write.Median)} ({Timing.Ms(row.Write.P90)}) | {Timing.Ratio(row.Write.Median / baseWrite!.Write.Median)} |"));
        }

        text.AppendLine();
        text.AppendLine("## 3. MARKOV and SHAPLEY on the 10k-path file").AppendLine();
        text.AppendLine(Invariant($"`{models.File}`: {models.Paths:N0} paths, {models.Conversions:N0} conversions, {models.Nulls:N0} nulls, {models.Channels} channels; MARKOV P(conversion) = {models.ConversionProbability:0.######}, SHAPLEY credits {models.ShapleyConversions:N0} conversions. Median of {PathModels.Runs} runs after {PathModels.Warmup} warm-up; ratio = median / parse median.")).AppendLine();
        text.AppendLine("| step | median | p90 | min | ratio to parse |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, sample) in new[] { ("read + parse (GZipStream, split lines)", models.Parse), ("MarkovModel.Compute", models.Markov), ("ShapleyModel.Compute", models.Shapley) })
        {
            text.AppendLine(Invariant($"| {name} | {Timing.Ms(sample.Median)} | {Timing.Ms(sample.P90)} | {Timing.Ms(sample.Min)} | {Timing.Ratio(sample.Median / models.Parse.Median)} |"));
        }

        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine("- " + note);
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
