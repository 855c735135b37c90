using System.Globalization;

namespace Frontline.Silo.Import;

/// <summary>Command-line options of <c>import</c>.</summary>
public sealed record ImportOptions
{
    /// <summary>Server used when <c>--server</c> is not given.</summary>
    public static readonly Uri DefaultServer = new("http://localhost:5080");

    /// <summary>Items per request when <c>--batch</c> is not given.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>Usage text printed on <c>--help</c> and on a usage error.</summary>
    public const string Usage = """
        usage: import [--crm <dir>] [--journeys <csv>] [--paths <file> --scope <name>] [--server <url>] [--batch <n>] [--token <t>]
          --crm <dir>        Maven CRM export: sales_teams.csv, accounts.csv, products.csv, sales_pipeline.csv
          --journeys <csv>   journey file: customer_id,time,interaction,conversion,conversion_value,channel
          --paths <file>     aggregated path file, plain or gzip: path,total_conversions,total_conversion_value,total_null
          --scope <name>     attribution scope whose paths the file replaces (required with --paths)
          --server <url>     Frontline server (default http://localhost:5080); posts to <url>/graphql
          --batch <n>        items per request (default 500; paths always go in one request)
          --token <t>        bearer token (role integrator or hq) sent with every request; default $FRONTLINE_TOKEN
        At least one of --crm, --journeys and --paths; file names are relative to the current directory.
        """;

    /// <summary>CRM export directory, full path; null when not importing CRM data.</summary>
    public string? CrmDirectory { get; init; }

    /// <summary>Journey file, full path; null when not importing journeys.</summary>
    public string? JourneysFile { get; init; }

    /// <summary>Aggregated path file, full path; null when not importing paths.</summary>
    public string? PathsFile { get; init; }

    /// <summary>Attribution scope the paths replace; set exactly when <see cref="PathsFile"/> is.</summary>
    public string? Scope { get; init; }

    /// <summary>Base address of the server.</summary>
    public Uri Server { get; init; } = DefaultServer;

    /// <summary>Bearer token sent with every request; null to send none (see <see cref="TokenVariable"/>).</summary>
    public string? Token { get; init; }

    /// <summary>Environment variable read for the token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "FRONTLINE_TOKEN";

    /// <summary>Items per GraphQL request.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>True when the caller asked for help.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Parses <paramref name="args"/> (without the leading <c>import</c>); <paramref name="error"/> says what is wrong.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="baseDirectory">What relative paths are relative to.</param>
    /// <param name="options">The options, when valid.</param>
    /// <param name="error">What is wrong, when not.</param>
    public static bool TryParse(IReadOnlyList<string> args, string baseDirectory, out ImportOptions options, out string? error)
    {
        options = new ImportOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                options = options with { ShowHelp = true };
                return true;
            }

            if (name is not ("--crm" or "--journeys" or "--paths" or "--scope" or "--server" or "--batch" or "--token"))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--crm":
                    options = options with { CrmDirectory = Path.GetFullPath(value, baseDirectory) };
                    break;
                case "--journeys":
                    options = options with { JourneysFile = Path.GetFullPath(value, baseDirectory) };
                    break;
                case "--paths":
                    options = options with { PathsFile = Path.GetFullPath(value, baseDirectory) };
                    break;
                case "--scope":
                    // Checked by the server, which owns the scope naming rules; a bad name comes back as a GraphQL error.
                    options = options with { Scope = value };
                    break;
                case "--server":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
                    {
                        error = $"--server: '{value}' is not an http(s) URL";
                        return false;
                    }

                    options = options with { Server = server };
                    break;
                case "--token":
                    options = options with { Token = value };
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var batch) || batch < 1)
                    {
                        error = $"--batch: '{value}' is not a positive whole number";
                        return false;
                    }

                    options = options with { BatchSize = batch };
                    break;
            }
        }

        if (options.PathsFile is not null && options.Scope is null)
        {
            error = "--paths needs --scope <name>";
            return false;
        }

        if (options.Scope is not null && options.PathsFile is null)
        {
            error = "--scope needs --paths <file>";
            return false;
        }

        if (options.CrmDirectory is null && options.JourneysFile is null && options.PathsFile is null)
        {
            error = "give at least one of --crm <dir>, --journeys <csv>, --paths <file>";
            return false;
        }

        return true;
    }
}
