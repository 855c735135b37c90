using System.Diagnostics;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// The throwaway PostgreSQL of <c>scripts/postgres</c>, started once per test run (the script is idempotent, so one
/// already running, as in CI, is reused). Tests never skip for lack of it: if it cannot start, they fail with the
/// script's output.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>Connection string of the server's <c>postgres</c> maintenance database.</summary>
    public static async Task<string> AdminConnectionStringAsync()
        => new NpgsqlConnectionStringBuilder(await Started.Value) { Database = "postgres", Pooling = false }.ConnectionString;

    /// <summary>Creates an empty database <c>frontline_test_&lt;guid&gt;</c> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "frontline_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(await AdminConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(await Started.Value) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <c>scripts/postgres</c> with <paramref name="arguments"/> and the extra <paramref name="environment"/>
    /// (e.g. FRONTLINE_PG_DIR and FRONTLINE_PG_PORT for a private server); returns its output lines, failing with
    /// the script's output when it fails.
    /// </summary>
    public static async Task<string[]> RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "postgres"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"scripts/postgres {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}{await error}");
        }

        return lines;
    }

    // The script prints the connection string last.
    private static async Task<string> StartAsync() => (await RunScriptAsync(new Dictionary<string, string>(), "start"))[^1];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "postgres")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"scripts/postgres not found above {AppContext.BaseDirectory}.");
    }
}
