namespace Frontline.Tests.Reference;

/// <summary>Locates the project's shared input files (../shared/data beside the repository root).</summary>
public static class SharedData
{
    /// <summary>The CRM export directory.</summary>
    public static string CrmDirectory => Path.Combine(Root, "maven-crm-sales-opportunities");

    /// <summary>The journey file.</summary>
    public static string JourneysFile => Path.Combine(Root, "mta-journeys-sample", "attribution_data.csv");

    /// <summary>The ChannelAttribution aggregated path file (gzip CSV: path, total_conversions, total_conversion_value, total_null).</summary>
    public static string PathDataFile => Path.Combine(Root, "channelattribution-pathdata", "data.csv.gz");

    /// <summary>
    /// <c>../shared/data</c> relative to the repository root, found by walking up from the test assembly to the
    /// directory holding <c>Grains.sln</c>: the tests run from bin/ of any worktree or CI clone, never from a fixed path.
    /// </summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grains.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException($"no Grains.sln above {AppContext.BaseDirectory}");
    }
}
