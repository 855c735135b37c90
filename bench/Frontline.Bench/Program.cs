using System.Diagnostics;
using Frontline.Bench;
using Spectre.Console;

// dotnet run -c Release --project bench/Frontline.Bench [-- --quick]
// dotnet run -c Release --project bench/Frontline.Bench -- --part ingest-durable [--events n] [--baseline-silo <Frontline.Silo.dll> <name>]
var quick = args.Contains("--quick");
var machine = MachineInfo.Detect();
var wall = Stopwatch.StartNew();
var loadAtStart = MachineInfo.LoadAverage();
var output = Path.Combine(PathModels.RepositoryRoot(), "bench", "results.md");
var previous = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";

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
    AnsiConsole.MarkupLineInterpolated($"[bold]4. Durable ingest[/]: {events:N0} events, {machine.Cores} cores, {machine.Cpu}");
    var durable = await DurableIngest.RunAsync(events, silos);
    var section = DurableIngestReport.Render(machine, durable, (loadAtStart, MachineInfo.LoadAverage()));
    Console.WriteLine();
    Console.WriteLine(section);
    await File.WriteAllTextAsync(output, DurableIngestReport.Merge(previous, section));
    AnsiConsole.MarkupLineInterpolated($"Written to {output}");
    return;
}
var notes = new List<string>();
#if DEBUG
notes.Add("DEBUG build: numbers are not representative; run with -c Release.");
#endif

AnsiConsole.MarkupLineInterpolated($"[bold]Frontline bench[/] {(quick ? "(quick)" : "")}: {machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.Runtime}");

AnsiConsole.MarkupLine("[bold]3. MARKOV and SHAPLEY on the 10k-path file[/]");
var models = PathModels.Run();

// Each part gets a fresh silo, so part 2 does not run beside part 1's gigabytes of journeys.
AnsiConsole.MarkupLine("[bold]1. Query cost vs conversions in scope[/]");
IReadOnlyList<QueryScalingRow> queries;
await using (var cluster = await BenchCluster.StartAsync())
{
    notes.Add($"Grain storage serializer (what `MemoryGrainStorage` runs on every `WriteStateAsync`): `{cluster.StorageSerializer}`.");
    queries = await QueryScaling.RunAsync(cluster.Client, quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
}

GC.Collect();
AnsiConsole.MarkupLine("[bold]2. Cost of ingesting one conversion as history grows[/]");
IReadOnlyList<IngestScalingRow> ingest;
IReadOnlyList<BucketWriteRow> bucketWrites;
await using (var cluster = await BenchCluster.StartAsync())
{
    ingest = await IngestScaling.RunAsync(cluster.Client, [0, 10_000, 100_000]);
    bucketWrites = await BucketWrites.RunAsync(cluster.Client, [.. new[] { 10_000, 100_000, 1_000_000 }.Select(n => n / SyntheticJourneys.Hours)]);
}

var markdown = ResultsReport.Render(machine, quick, wall.Elapsed, queries, ingest, bucketWrites, models, (loadAtStart, MachineInfo.LoadAverage()), notes);
Console.WriteLine();
Console.WriteLine(markdown);

// Part 4 is measured by its own run (--part ingest-durable); its last section stays.
await File.WriteAllTextAsync(output, DurableIngestReport.Extract(previous) is { } durableSection ? DurableIngestReport.Merge(markdown, durableSection) : markdown);
AnsiConsole.MarkupLineInterpolated($"Written to {output}");

string? Argument(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
