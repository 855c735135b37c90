using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Cluster;

/// <summary>
/// Silo processes in the cluster profile on one database, each on its own loopback ports, started together (so
/// they also race on the schema migration and the membership table).
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    // The cluster profile keeps nothing in files; the processes still get a private data directory.
    private readonly TempDirectory _data;

    private readonly string _connectionString;

    private SiloCluster(IReadOnlyList<EmbeddedServerProcess> silos, TempDirectory data, string connectionString)
        => (Silos, _data, _connectionString) = (silos, data, connectionString);

    /// <summary>The silos in start order.</summary>
    public IReadOnlyList<EmbeddedServerProcess> Silos { get; }

    /// <summary>First silo.</summary>
    public EmbeddedServerProcess A => Silos[0];

    /// <summary>Second silo.</summary>
    public EmbeddedServerProcess B => Silos[1];

    /// <summary>Starts <paramref name="count"/> silos on <paramref name="connectionString"/>, each with <paramref name="extraArguments"/>.</summary>
    public static async Task<SiloCluster> StartAsync(string connectionString, int count = 2, params string[] extraArguments)
    {
        // Bulk batches a killed silo left half-applied go stale after 5 s here (a minute by default), so chaos tests
        // see them taken up by the survivor within their deadlines.
        string[] arguments = ["--Frontline:Profile", "cluster", "--ConnectionStrings:Frontline", connectionString,
            "--Frontline:Ingest:StaleBatchAfter", "00:00:05", "--Frontline:Ingest:SweepEvery", "00:00:01", .. extraArguments];
        var data = new TempDirectory();
        var starts = Enumerable.Range(0, count).Select(_ => EmbeddedServerProcess.StartAsync(data.Path, arguments)).ToArray();
        try
        {
            return new SiloCluster(await Task.WhenAll(starts), data, connectionString);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            data.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts a standalone gateway (<c>--Frontline:Role gateway</c>, an Orleans client hosting no grains) on this
    /// cluster's database with <paramref name="extraArguments"/>; the caller disposes of it.
    /// </summary>
    public Task<EmbeddedServerProcess> StartGatewayAsync(params string[] extraArguments)
        => EmbeddedServerProcess.StartAsync(_data.Path, ["--Frontline:Role", "gateway", "--Frontline:Profile", "cluster", "--ConnectionStrings:Frontline", _connectionString, .. extraArguments]);

    /// <summary>Stops every silo gracefully (SIGTERM), all at once, as an operator stopping the whole cluster.</summary>
    public Task StopAsync() => Task.WhenAll(Silos.Select(s => s.StopAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        _data.Dispose();
    }
}
