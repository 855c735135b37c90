using System.Globalization;
using System.Text;

namespace Frontline.Bench;

/// <summary>Renders the results as markdown: machine, then one section per part, every ratio against a baseline of the same run.</summary>
public static class ResultsReport
{
    /// <summary>Marks the start of a part's section, so a run of some parts keeps the others' last results.</summary>
    public const string PartMarker = "<!-- part: ";

    /// <summary>The file's head: the machine and load of this run.</summary>
    public static string Header(MachineInfo machine, bool quick, TimeSpan wall, IReadOnlyList<string> parts, (string? Start, string? End) load)
    {
        var text = new StringBuilder();
        text.AppendLine("# Frontline benchmark results").AppendLine();
        text.AppendLine(Invariant($"Last run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " with `--quick`" : "")} (parts: {string.Join(", ", parts)}), {wall.TotalMinutes:0.0} min in all. Machine: {machine.Cores} cores (`nproc`), {machine.Cpu}, {machine.Memory} RAM, {machine.Runtime} ({machine.Gc} GC), {machine.Os}."));
        text.AppendLine(Invariant($"Load average (1/5/15 min) at start {load.Start ?? "n/a"}, at end {load.End ?? "n/a"}: other work on the machine shares its cores, so single runs are noisy; compare medians and ratios. Each part's section says when it ran."));
        text.AppendLine("Parts 1-3, 5 and 6 run on one in-process silo (`InProcessTestCluster`), `MemoryGrainStorage` for `frontline`, memory streams, in-memory reminders; part 4 runs the real server process (embedded profile). Release build.");
        return text.ToString();
    }

    /// <summary>
    /// The whole file: <paramref name="header"/>, then each part in <paramref name="order"/>, taken from
    /// <paramref name="sections"/> when it ran now, else kept from <paramref name="previous"/> (the file as it was).
    /// </summary>
    public static string Merge(string header, IReadOnlyList<string> order, IReadOnlyDictionary<string, string> sections, string? previous, IReadOnlyList<string> notes)
    {
        var old = Sections(previous);
        var text = new StringBuilder(header);
        foreach (var part in order)
        {
            if (sections.TryGetValue(part, out var section) || old.TryGetValue(part, out section))
            {
                text.AppendLine().Append(PartMarker).Append(part).AppendLine(" -->").Append(section.TrimEnd()).AppendLine();
            }
        }

        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes (this run)").AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine("- " + note);
            }
        }

        return text.ToString();
    }

    /// <summary>Where a section's <see cref="Stamp"/> goes; filled in once the part has run, with the load while it ran.</summary>
    public const string StampPlaceholder = "{{stamp}}";

    /// <summary>One line under each section's title: when it ran, whether quick, the load while it ran.</summary>
    public static string Stamp(bool quick, (string? Start, string? End) load) =>
        Invariant($"_Ran {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " with `--quick`" : "")}; load average at start {load.Start ?? "n/a"}, at end {load.End ?? "n/a"}._");

    public static string Queries(string stamp, IReadOnlyList<QueryScalingRow> queries)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## 1. Query cost vs conversions in scope")).AppendLine().AppendLine(stamp).AppendLine();
        text.AppendLine(Invariant($"One report over {SyntheticJourneys.Days} days x 24 h = {SyntheticJourneys.Hours} hour buckets, by CHANNEL (5 channels); median of {QueryScaling.Runs} runs after {QueryScaling.Warmup} warm-up, sizes queried in interleaved rounds. Journeys are loaded with `IAttributionScopeGrain.ApplyAsync` in batches of {RecordLoader.BatchSize:N0} in time order. Ratio = median / median at the smallest size.")).AppendLine();
        text.AppendLine("| journeys in scope | conversions / nulls | load | load rate | LINEAR median (p90) | LINEAR ratio | MARKOV median (p90) | MARKOV ratio | transition tallies merged by MARKOV | heap growth |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseQuery = queries.FirstOrDefault();
        foreach (var row in queries)
        {
            text.AppendLine(Invariant($"| {row.Size:N0} | {row.Conversions:N0} / {row.Nulls:N0} | {row.Load.TotalSeconds:0.0} s | {row.Size / row.Load.TotalSeconds:N0}/s | {Timing.Ms(row.Linear.Median)} ({Timing.Ms(row.Linear.P90)}) | {Timing.Ratio(row.Linear.Median / baseQuery!.Linear.Median)} | {Timing.Ms(row.Markov.Median)} ({Timing.Ms(row.Markov.P90)}) | {Timing.Ratio(row.Markov.Median / baseQuery.Markov.Median)} | {row.PathTallies:N0} | {row.HeapGrowth / 1024.0 / 1024.0:N0} MiB |"));
        }

        return text.ToString();
    }

    public static string Ingest(string stamp, IReadOnlyList<IngestScalingRow> ingest, IReadOnlyList<BucketWriteRow> bucketWrites)
    {
        var text = new StringBuilder();
        text.AppendLine("## 2. Cost of ingesting one conversion as history grows").AppendLine().AppendLine(stamp).AppendLine();
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

        return text.ToString();
    }

    public static string Models(string stamp, PathModelsResult models)
    {
        var text = new StringBuilder();
        text.AppendLine("## 3. MARKOV and SHAPLEY on the 10k-path file").AppendLine().AppendLine(stamp).AppendLine();
        text.AppendLine(Invariant($"`{models.File}`: {models.Paths:N0} paths, {models.Conversions:N0} conversions, {models.Nulls:N0} nulls, {models.Channels} channels; MARKOV P(conversion) = {models.ConversionProbability:0.######}, SHAPLEY credits {models.ShapleyConversions:N0} conversions. Median of {PathModels.Runs} runs after {PathModels.Warmup} warm-up; ratio = median / parse median.")).AppendLine();
        text.AppendLine("| step | median | p90 | min | ratio to parse |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, sample) in new[] { ("read + parse (GZipStream, split lines)", models.Parse), ("MarkovModel.Compute", models.Markov), ("ShapleyModel.Compute", models.Shapley) })
        {
            text.AppendLine(Invariant($"| {name} | {Timing.Ms(sample.Median)} | {Timing.Ms(sample.P90)} | {Timing.Ms(sample.Min)} | {Timing.Ratio(sample.Median / models.Parse.Median)} |"));
        }

        return text.ToString();
    }

    public static string Latency(string stamp, IReadOnlyList<SubscriptionLatencyResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("## 4. Ingest-to-subscription latency at 1,000 events/s").AppendLine().AppendLine(stamp).AppendLine();
        var r = results[0];
        text.AppendLine(Invariant($"The real server (`Frontline.Silo`, one silo) as its own process, in the embedded profile (file storage, an fsync per write) and then in the cluster profile (PostgreSQL from `scripts/postgres`, fsync and synchronous commit on, a fresh database; touches go to the group-committed journal); {r.Regions * SubscriptionLatency.CustomersPerRegion:N0} B2B customers registered in {r.Regions} regions. One graphql-transport-ws client (`System.Net.WebSockets`) subscribes to `attributionUpdated(scope: \"region/<r>\") {{ conversions }}` for every region. Events go to `POST /ingest/touches` in NDJSON batches of {r.BatchSize}, paced open-loop at each rate below (each on a fresh server) for {r.Length.TotalSeconds:0} s after a warm-up: in each batch one `ContractSigned` (round robin over the regions, so each region converts once a second; its time cycles over 10 past hours of its own so no hour bucket fills, see part 2b) and {r.BatchSize - 1} touches of random customers a few seconds old (B2B: they wait in the open 90-day window, no push). A conversion lands in `org`, `segment/B2B` and its region. Push latency = receipt of the first push whose count includes the conversion minus its batch's scheduled send time; a 503 is retried after `Retry-After`, and the wait counts. Baseline: `{{ units {{ id }} }}` over `POST /graphql` at the same rate in queries/s, paced the same way, same length, same server, just before. HdrHistogram; ratio = latency / baseline at the same percentile.")).AppendLine();
        foreach (var x in results)
        {
            text.AppendLine(Invariant($"### {x.Profile} profile, {x.Rate:N0} events/s offered ({x.AchievedRate:N0}/s sent)")).AppendLine();
            text.AppendLine("| measured | count | p50 | p90 | p99 | p99.9 | max | p50 ratio | p99 ratio |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, s) in new[] { ("plain query round trip (baseline)", x.Query), ("NDJSON batch of 10 acknowledged (stored)", x.Ack), ("conversion sent to `attributionUpdated` received", x.Push) })
            {
                text.AppendLine(Invariant($"| {name} | {s.Count:N0} | {s.P50:0.0} ms | {s.P90:0.0} ms | {s.P99:0.0} ms | {s.P999:0.0} ms | {s.Max:0.0} ms | {Timing.Ratio(s.P50 / x.Query.P50)} | {Timing.Ratio(s.P99 / x.Query.P99)} |"));
            }

            text.AppendLine().AppendLine(Invariant($"Events acknowledged per second over the measured part (first scheduled send to last acknowledgement): {x.AcknowledgedRate:N0}/s; below {x.Rate:N0}/s means the server did not keep up and the latencies are queueing. Conversions measured: {x.Sent:N0}; not reported by a push within 60 s: {x.Missing:N0}; 503 answers retried: {x.Retries:N0}.")).AppendLine();
        }

        foreach (var x in results.Where(x => x.Rate == r.Rate))
        {
            text.AppendLine(Invariant($"Goal at {x.Rate:N0} events/s, {x.Profile} profile: p99 under 100 ms: {(x.Push.P99 < 100 ? "met" : "not met")} ({x.Push.P99:0.0} ms).")).AppendLine();
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    public static string Calls(string stamp, CallThroughputResult r, int rounds, TimeSpan roundLength)
    {
        var text = new StringBuilder();
        text.AppendLine("## 5. Grain call throughput: customer read vs no-op ping").AppendLine().AppendLine(stamp).AppendLine();
        text.AppendLine(Invariant($"{CallThroughput.Concurrency} calls in flight from the cluster client, cycling over {CallThroughput.Grains:N0} active grains of each kind: `ICustomerGrain.GetAsync` on customers holding a 90-day journey of {JourneyLoader.TouchesPerCustomer} touches and a conversion (loaded through `IIngestGrain`; the view computes health from the journey), against `INoopGrain.PingAsync` (the bench's grain that does nothing). {rounds} interleaved rounds of {roundLength.TotalSeconds:0} s each after a 1 s warm-up of each; median round. Ratio = customer reads/s / pings/s of the same round, median over rounds (each pair ran back to back, under the same load).")).AppendLine();
        text.AppendLine("| call | median calls/s | rounds (calls/s) | mean time per call | ratio |");
        text.AppendLine("|---|---:|---|---:|---:|");
        text.AppendLine(Invariant($"| `INoopGrain.PingAsync` (baseline) | {r.PingMedian:N0} | {string.Join(", ", r.Ping.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))} | {Timing.Ms(CallThroughput.Concurrency * 1000 / r.PingMedian)} | 1.00x |"));
        text.AppendLine(Invariant($"| `ICustomerGrain.GetAsync` | {r.ReadMedian:N0} | {string.Join(", ", r.Read.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))} | {Timing.Ms(CallThroughput.Concurrency * 1000 / r.ReadMedian)} | {Timing.Ratio(r.RatioMedian)} |"));
        return text.ToString();
    }

    public static string Memory(string stamp, GrainMemoryResult r)
    {
        var text = new StringBuilder();
        text.AppendLine("## 6. Memory per active customer grain (90-day journey, 50 touches)").AppendLine().AppendLine(stamp).AppendLine();
        text.AppendLine(Invariant($"{r.Count:N0} customers get {JourneyLoader.TouchesPerCustomer} touches over 90 days and a `ContractSigned` through `IIngestGrain` (registered as B2B, so the 90-day window credits the whole journey; load {r.Load.TotalSeconds:0.0} s) and are each read once with `GetAsync`; then only they are deactivated (`IManagementGrain.DeactivateGrain`, until the silo counts none). Heap = `GC.GetTotalMemory` after two forced, blocking, compacting full collections (client and silo share the process); per grain = (heap with them active - heap after their deactivation) / count. Everything else stays as it was: memory storage's copy of each state, the scopes and their buckets. Baseline: as many activations of `INoopGrain`, measured the same way right after.")).AppendLine();
        text.AppendLine("| grains | activations counted by the silo | heap, deactivated | heap, active | per grain | ratio |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| `INoopGrain` (baseline) | {r.NoopActivations:N0} | {Mib(r.NoopHeapBefore)} | {Mib(r.NoopHeapAfter)} | {r.PerNoop:N0} B | 1.00x |"));
        text.AppendLine(Invariant($"| `ICustomerGrain`, 50 touches | {r.CustomerActivations:N0} | {Mib(r.CustomerHeapBefore)} | {Mib(r.CustomerHeapAfter)} | {r.PerCustomer:N0} B ({r.PerCustomer / 1024:0.0} KiB) | {Timing.Ratio(r.PerCustomer / r.PerNoop)} |"));
        return text.ToString();
    }

    /// <summary>The sections of a results file by part name (none for a file written before parts were marked).</summary>
    private static Dictionary<string, string> Sections(string? previous)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (previous is null)
        {
            return sections;
        }

        var chunks = previous.Split(PartMarker);
        foreach (var chunk in chunks.Skip(1))
        {
            var close = chunk.IndexOf("-->", StringComparison.Ordinal);
            if (close < 0)
            {
                continue;
            }

            var body = chunk[(close + 3)..];

            // The notes belong to the run that wrote the file, not to its last section.
            var notes = body.IndexOf("\n## Notes", StringComparison.Ordinal);
            sections[chunk[..close].Trim()] = (notes < 0 ? body : body[..notes]).Trim('\n');
        }

        return sections;
    }

    private static string Mib(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:N1} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
