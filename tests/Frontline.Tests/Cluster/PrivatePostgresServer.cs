using System.Net;
using System.Net.Sockets;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Cluster;

/// <summary>
/// A PostgreSQL of its own (scripts/postgres with a private FRONTLINE_PG_DIR and FRONTLINE_PG_PORT), for tests that
/// stop and start the server: the shared one serves other test classes at the same time.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly Dictionary<string, string> _environment;

    private PrivatePostgresServer(TempDirectory directory, Dictionary<string, string> environment, string connectionString)
        => (_directory, _environment, ConnectionString) = (directory, environment, connectionString);

    /// <summary>Connection string of the server's <c>frontline</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates and starts a server on a free loopback port in a fresh directory.</summary>
    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var directory = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["FRONTLINE_PG_DIR"] = directory.Combine("postgres"),
            ["FRONTLINE_PG_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            var lines = await PostgresServer.RunScriptAsync(environment, "start");
            return new PrivatePostgresServer(directory, environment, lines[^1]);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as when a database host goes down).</summary>
    public Task StopAsync() => PostgresServer.RunScriptAsync(_environment, "stop");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task StartAgainAsync() => PostgresServer.RunScriptAsync(_environment, "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _directory.Dispose();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
