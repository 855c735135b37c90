using Frontline.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Frontline.Tests.Cluster;

/// <summary>
/// An Orleans client of a test cluster (found through its PostgreSQL membership table) that asks Orleans' management
/// grain where grains live, so a chaos test can kill the silo that hosts the grains it watches.
/// </summary>
public sealed class ClusterManagementClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterManagementClient(IHost host) => _host = host;

    /// <summary>Connects to the cluster <c>frontline</c> whose membership lives in <paramref name="connectionString"/>.</summary>
    public static async Task<ClusterManagementClient> ConnectAsync(string connectionString)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("frontline", "frontline"))
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = ClusterProfileExtensions.NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                }))
            .Build();
        await host.StartAsync();
        return new ClusterManagementClient(host);
    }

    /// <summary>Keys of the active grains of <paramref name="grainType"/> (e.g. <c>opportunity</c>) on the silo listening on <paramref name="siloPort"/>.</summary>
    public async Task<IReadOnlySet<string>> ActiveKeysAsync(string grainType, int siloPort)
    {
        var management = _host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics
            .Where(s => s.SiloAddress.Endpoint.Port == siloPort && s.GrainId.Type.ToString() == grainType)
            .Select(s => s.GrainId.Key.ToString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
