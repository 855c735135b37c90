using System.Diagnostics;
using Frontline.Bench;
using Spectre.Console;

// dotnet run -c Release --project bench/Frontline.Bench [-- --quick] [--part latency,calls,...]
// dotnet run -c Release --project bench/Frontline.Bench -- --part ingest-durable [--events n] [--baseline-silo <Frontline.Silo.dll> <name>]
string[] allParts = ["queries", "ingest", "models", "latency", "calls", "memory"];
var quick = args.Contains("--quick");
var machine = MachineInfo.Detect();
var wall = Stopwatch.StartNew();
var loadAtStart = MachineInfo.LoadAverage();

if (Argument("--part") == "ingest-durable")
{
    // Needs PostgreSQL (scripts/postgres) and the Silo build, so it runs on its own and keeps the other parts' results.
    var events = int.Parse(Argument("--events") ?? (quick ? "20000" : "100000"), System.Globalization.CultureInfo.InvariantCulture);
    var silos = new List<(string Name, string? Assembly)>();
    if (Array.IndexOf(args, "--baseline-silo") is var b and >= 0 && b + 2 < args.Length)
    {
        silos.Add((args[b + 2], args[b + 1]));
    }

    silos.Add(("this checkout's silo (cluster profile)", null));
    AnsiConsole.MarkupLineInterpolated($"[bold]7. Durable ingest[/]: {events:N0} events, {machine.Cores} cores, {machine.Cpu}");
    var durableOutput = Path.Combine(PathModels.RepositoryRoot(), "bench", "results.md");
    var durablePrevious = File.Exists(durableOutput) ? await File.ReadAllTextAsync(durableOutput) : "";
    var durable = await DurableIngest.RunAsync(events, silos);
    var section = DurableIngestReport.Render(machine, durable, (loadAtStart, MachineInfo.LoadAverage()));
    Console.WriteLine();
    Console.WriteLine(section);
    await File.WriteAllTextAsync(durableOutput, DurableIngestReport.Merge(durablePrevious, section));
    AnsiConsole.MarkupLineInterpolated($"Written to {durableOutput}");
    return 0;
}

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

// Part 7 is measured by its own run (--part ingest-durable); its last section stays.
await File.WriteAllTextAsync(output, DurableIngestReport.Extract(previous ?? "") is { } durableSection ? DurableIngestReport.Merge(markdown, durableSection) : markdown);
AnsiConsole.MarkupLineInterpolated($"Written to {output}");
return 0;

string? Argument(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
