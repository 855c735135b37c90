using Spectre.Console;

namespace Frontline.Silo.Import;

/// <summary>
/// <c>import [--crm &lt;dir&gt;] [--journeys &lt;csv&gt;] [--paths &lt;file&gt; --scope &lt;name&gt;] [--server &lt;url&gt;] [--batch &lt;n&gt;]</c>:
/// reads export files and sends them to a running Frontline server through its public GraphQL API, like any outside
/// integrator would.
/// </summary>
public static class ImportCommand
{
    /// <summary>The server accepted the run; bad rows and per-item rejections are reported but do not fail it.</summary>
    public const int ExitOk = 0;

    /// <summary>Wrong options, or an input file that cannot be read at all.</summary>
    public const int ExitUsage = 1;

    /// <summary>The server could not be reached (after retries) or answered with an HTTP failure.</summary>
    public const int ExitUnreachable = 2;

    /// <summary>The server answered with GraphQL errors.</summary>
    public const int ExitGraphQLError = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int ExitCancelled = 130;

    /// <summary>Runs the command with <paramref name="args"/> (without the leading <c>import</c>) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!ImportOptions.TryParse(args, InvocationDirectory.Get(), out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"import: {error}{Environment.NewLine}{ImportOptions.Usage}");
            return ExitUsage;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(ImportOptions.Usage);
            return ExitOk;
        }

        ImportPlan plan;
        try
        {
            var crm = options.CrmDirectory is { } directory ? CrmParser.Parse(directory) : null;
            var journeys = options.JourneysFile is { } file ? JourneyParser.Parse(file) : null;
            var paths = options.PathsFile is { } pathsFile ? PathParser.Parse(pathsFile) : null;
            plan = ImportPlan.Create(crm, journeys, options.Scope, paths);
        }
        catch (Exception e) when (e is ImportInputException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"import: {e.Message}");
            return ExitUsage;
        }

        foreach (var badRow in plan.BadRows) await Console.Error.WriteLineAsync(badRow.ToString());
        if (plan.Paths is { Paths.IsEmpty: true } emptyPaths)
        {
            // Sending no paths would empty the scope; a file without a single good row is a mistake, not an intent.
            await Console.Error.WriteLineAsync(
                $"import: {Path.GetFileName(options.PathsFile)}: no good path rows; nothing was sent and scope '{emptyPaths.Scope}' is unchanged");
            return ExitUsage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Let the current request finish cleanly instead of killing the process mid-batch.
            e.Cancel = true;
            cancel.Cancel();
        };

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var token = options.Token ?? Environment.GetEnvironmentVariable(ImportOptions.TokenVariable);
        if (!string.IsNullOrWhiteSpace(token))
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WithoutScheme(token));
        }

        var client = new GraphQLIngestClient(http, options.Server, GraphQLIngestClient.DefaultRetryDelays);
        var sender = new ImportSender(client, options.BatchSize);
        Console.WriteLine($"import: sending to {client.Endpoint}");

        ImportRunResult result;
        try
        {
            result = IsInteractive()
                ? await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(context => sender.SendAsync(plan, new SpectreImportProgress(context), cancel.Token))
                : await sender.SendAsync(plan, new PlainImportProgress(Console.Out, TimeProvider.System), cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("import: cancelled");
            return ExitCancelled;
        }

        foreach (var rejection in result.Rejections) await Console.Error.WriteLineAsync(rejection.ToString());
        ImportSummary.Write(AnsiConsole.Console, result);

        switch (result.Failure)
        {
            case null:
                return ExitOk;
            case GraphQLErrorException graphQLError:
                await Console.Error.WriteLineAsync($"import: GraphQL error: {graphQLError.Message}");
                return ExitGraphQLError;
            default:
                await Console.Error.WriteLineAsync($"import: server unreachable: {result.Failure.Message}");
                return ExitUnreachable;
        }
    }

    // A token copied with its "Bearer " prefix (as an Authorization header shows it) is the same token.
    private static string WithoutScheme(string token)
    {
        var trimmed = token.Trim();
        return trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? trimmed["Bearer ".Length..].Trim() : trimmed;
    }

    private static bool IsInteractive() =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
