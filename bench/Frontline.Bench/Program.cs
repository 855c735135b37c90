using System.Diagnostics;
using Frontline.Bench;
using Spectre.Console;

// dotnet run -c Release --project bench/Frontline.Bench [-- --quick]
var quick = args.Contains("--quick");
var machine = MachineInfo.Detect();
var wall = Stopwatch.StartNew();
var loadAtStart = MachineInfo.LoadAverage();
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
var output = Path.Combine(PathModels.RepositoryRoot(), "bench", "results.md");
await File.WriteAllTextAsync(output, markdown);
AnsiConsole.MarkupLineInterpolated($"Written to {output}");
