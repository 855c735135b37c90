using System.Diagnostics;
using Npgsql;

namespace Frontline.Bench;

/// <summary>The repo's throwaway PostgreSQL for the parts that measure the cluster profile: a fresh database per measurement.</summary>
public static class BenchPostgres
{
    /// <summary>Starts (or finds running) the throwaway server of <c>scripts/postgres</c> and returns its connection string.</summary>
    public static async Task<string> StartAsync()
    {
        var script = Path.Combine(PathModels.RepositoryRoot(), "scripts", "postgres");
        var start = new ProcessStartInfo(script, "start") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres start failed ({process.ExitCode}): {output}{error}");
        }

        // The script prints the connection string as its last line.
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>A new, empty database on <paramref name="server"/>, so no measurement sees another's rows.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "frontline_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops <paramref name="database"/>, closing this process's pooled connections to it first.</summary>
    public static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    // The statistics collector reports with a small delay; a fresh snapshot is forced first. The reading itself
    // commits one transaction, a constant the report does not subtract.
}
