using System.Diagnostics;
using Frontline.Bench;
using Spectre.Console;

// dotnet run -c Release --project bench/Frontline.Bench [-- --quick] [--part latency,calls,...]
string[] allParts = ["queries", "ingest", "models", "latency", "calls", "memory"];
var quick = args.Contains("--quick");
var parts = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--part")
    {
        if (i + 1 >= args.Length)
        {
            Console.Error.WriteLine($"--part: a part name is missing; parts: {string.Join(", ", allParts)}.");
            return 1;
        }

        parts.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
    else if (args[i] != "--quick")
    {
        Console.Error.WriteLine($"{args[i]}: unknown option; options: --quick, --part <{string.Join("|", allParts)}>[,...].");
        return 1;
    }
}

if (parts.FirstOrDefault(p => !allParts.Contains(p)) is { } unknown)
{
    Console.Error.WriteLine($"--part: unknown part '{unknown}'; parts: {string.Join(", ", allParts)}.");
    return 1;
}

var selected = parts.Count == 0 ? allParts : [.. allParts.Where(parts.Contains)];
bool Runs(string part) => selected.Contains(part);

var machine = MachineInfo.Detect();
var wall = Stopwatch.StartNew();
var loadAtStart = MachineInfo.LoadAverage();
var notes = new List<string>();
var sections = new Dictionary<string, string>(StringComparer.Ordinal);
#if DEBUG
notes.Add("DEBUG build: numbers are not representative; run with -c Release.");
#endif

AnsiConsole.MarkupLineInterpolated($"[bold]Frontline bench[/] {(quick ? "(quick)" : "")} {string.Join(", ", selected)}: {machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.Runtime}");

// Each part gets a fresh silo (or server), so no part runs beside another's gigabytes of state.
async Task RunPartAsync(string part, string title, Func<Task<string>> run)
{
    if (!Runs(part))
    {
        return;
    }

    AnsiConsole.MarkupLineInterpolated($"[bold]{title}[/]");
    var load = MachineInfo.LoadAverage();
    var body = await run();
    sections[part] = body.Replace(ResultsReport.StampPlaceholder, ResultsReport.Stamp(quick, (load, MachineInfo.LoadAverage())), StringComparison.Ordinal);
    GC.Collect();
}

var stamp = ResultsReport.StampPlaceholder;
await RunPartAsync("models", "3. MARKOV and SHAPLEY on the 10k-path file", () => Task.FromResult(ResultsReport.Models(stamp, PathModels.Run())));

await RunPartAsync("queries", "1. Query cost vs conversions in scope", async () =>
{
    await using var cluster = await BenchCluster.StartAsync();
    notes.Add($"Grain storage serializer (what `MemoryGrainStorage` runs on every `WriteStateAsync`): `{cluster.StorageSerializer}`.");
    return ResultsReport.Queries(stamp, await QueryScaling.RunAsync(cluster.Client, quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]));
});

await RunPartAsync("ingest", "2. Cost of ingesting one conversion as history grows", async () =>
{
    await using var cluster = await BenchCluster.StartAsync();
    var ingest = await IngestScaling.RunAsync(cluster.Client, [0, 10_000, 100_000]);
    var bucketWrites = await BucketWrites.RunAsync(cluster.Client, [.. new[] { 10_000, 100_000, 1_000_000 }.Select(n => n / SyntheticJourneys.Hours)]);
    return ResultsReport.Ingest(stamp, ingest, bucketWrites);
});

await RunPartAsync("latency", "4. Ingest-to-subscription latency at 1,000 events/s", async () =>
    ResultsReport.Latency(stamp, await SubscriptionLatency.RunAsync(
        warmup: TimeSpan.FromSeconds(quick ? 2 : 5),
        length: TimeSpan.FromSeconds(quick ? 5 : 30))));

await RunPartAsync("calls", "5. Grain call throughput: customer read vs no-op ping", async () =>
{
    await using var cluster = await BenchCluster.StartAsync();
    var (rounds, roundLength) = quick ? (2, TimeSpan.FromSeconds(2)) : (5, TimeSpan.FromSeconds(5));
    return ResultsReport.Calls(stamp, await CallThroughput.RunAsync(cluster.Client, rounds, roundLength), rounds, roundLength);
});

await RunPartAsync("memory", "6. Memory per active customer grain", async () =>
{
    await using var cluster = await BenchCluster.StartAsync();
    return ResultsReport.Memory(stamp, await GrainMemory.RunAsync(cluster.Client, quick ? 2_000 : 10_000));
});

var output = Path.Combine(PathModels.RepositoryRoot(), "bench", "results.md");
var previous = File.Exists(output) ? await File.ReadAllTextAsync(output) : null;
var header = ResultsReport.Header(machine, quick, wall.Elapsed, selected, (loadAtStart, MachineInfo.LoadAverage()));
string[] fileOrder = ["queries", "ingest", "models", "latency", "calls", "memory"];
var markdown = ResultsReport.Merge(header, fileOrder, sections, previous, notes);
Console.WriteLine();
Console.WriteLine(markdown);
await File.WriteAllTextAsync(output, markdown);
AnsiConsole.MarkupLineInterpolated($"Written to {output}");
return 0;
