using System.Globalization;
using System.IO.Compression;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Bench;

/// <summary>
/// Part 3: MARKOV and SHAPLEY over the 10,000 aggregated paths of the ChannelAttribution sample (12 channels),
/// against the baseline of reading and parsing that file.
/// </summary>
public static class PathModels
{
    // Enough warm-up calls for tiered compilation to promote the hot methods before measuring.
    public const int Warmup = 50;

    public const int Runs = 50;

    public static PathModelsResult Run()
    {
        var file = DataFile();
        var paths = Parse(file);
        var parse = Timing.Measure(Warmup, Runs, () => Parse(file));
        MarkovResult? markovResult = null;
        var markov = Timing.Measure(Warmup, Runs, () => markovResult = MarkovModel.Compute(paths));
        IReadOnlyDictionary<string, KeyCredit>? shapleyResult = null;
        var shapley = Timing.Measure(Warmup, Runs, () => shapleyResult = ShapleyModel.Compute(paths));
        return new PathModelsResult(
            Path.GetRelativePath(RepositoryRoot(), file),
            paths.Count,
            paths.Sum(p => p.Conversions),
            paths.Sum(p => p.Nulls),
            markovResult!.Credits.Count,
            markovResult.ConversionProbability,
            shapleyResult!.Values.Sum(c => c.Conversions),
            parse,
            markov,
            shapley);
    }

    /// <summary>Reads the gzip file and turns each line "a > b > c,conversions,value,nulls" into a <see cref="PathCount"/>.</summary>
    public static List<PathCount> Parse(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = reader.ReadLine();
        if (header != "path,total_conversions,total_conversion_value,total_null")
        {
            throw new InvalidDataException($"unexpected header in {file}: {header}");
        }

        var paths = new List<PathCount>(10_000);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            paths.Add(new PathCount(
                [.. fields[0].Split(" > ", StringSplitOptions.TrimEntries)],
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                double.Parse(fields[3], CultureInfo.InvariantCulture)));
        }

        return paths;
    }

    /// <summary>../shared/data/channelattribution-pathdata/data.csv.gz next to the repository (the folder holding Grains.sln).</summary>
    public static string DataFile() =>
        Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "channelattribution-pathdata", "data.csv.gz"));

    /// <summary>The nearest folder above the binary that holds Grains.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Grains.sln");
    }
}
