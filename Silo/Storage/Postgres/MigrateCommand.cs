using Frontline.Silo.Hosting;
using Npgsql;

namespace Frontline.Silo.Storage.Postgres;

/// <summary>
/// <c>migrate [--ConnectionStrings:Frontline &lt;cs&gt;]</c>: brings the cluster database to the newest schema and prints
/// its version. The connection string comes from the usual configuration sources (appsettings.json beside the binary,
/// environment <c>ConnectionStrings__Frontline</c>, the command line).
/// </summary>
public static class MigrateCommand
{
    /// <summary>The database is at the newest version.</summary>
    public const int ExitOk = 0;

    /// <summary>No connection string, or a malformed one.</summary>
    public const int ExitUsage = 1;

    /// <summary>The database could not be reached or a script failed (nothing was applied then).</summary>
    public const int ExitFailed = 2;

    /// <summary>Runs the command with <paramref name="args"/> (without the leading <c>migrate</c>) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var connectionString = configuration.GetConnectionString(FrontlineSiloExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"migrate: ConnectionStrings:{FrontlineSiloExtensions.ConnectionStringName} is not set; pass --ConnectionStrings:{FrontlineSiloExtensions.ConnectionStringName} \"Host=127.0.0.1;Port=55432;Database=frontline;Username=postgres\"");
            return ExitUsage;
        }

        try
        {
            var version = await PostgresSchema.MigrateAsync(connectionString);
            Console.WriteLine($"schema version {version}");
            return ExitOk;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"migrate: bad connection string: {e.Message}");
            return ExitUsage;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"migrate: {e.Message}");
            return ExitFailed;
        }
    }
}
