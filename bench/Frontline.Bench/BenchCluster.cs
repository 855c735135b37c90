using Frontline.Abstractions.Streams;
using Frontline.Grains;
using Frontline.Grains.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Frontline.Bench;

/// <summary>
/// One in-process silo configured like the test fixture (memory grain storage under the production provider
/// names, memory streams, in-memory reminders, the real Frontline grains and options) but on the system clock.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    // A 1M-record MARKOV report fans out to every hour and merges many paths; don't let the default 30 s cut it off.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(5);

    private readonly InProcessTestCluster _cluster;

    private BenchCluster(InProcessTestCluster cluster) => _cluster = cluster;

    public IClusterClient Client => _cluster.Client;

    /// <summary>The grain storage serializer the silo resolves by default (the one memory storage uses).</summary>
    public string StorageSerializer =>
        _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetService<Orleans.Storage.IGrainStorageSerializer>()?.GetType().FullName ?? "none registered";

    public static async Task<BenchCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);

        // The test host's file logs would land in the caller's directory (the repository root under dotnet run).
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Frontline);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StreamNames.Provider);
            silo.UseInMemoryReminderService();
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
            silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            silo.Services.AddFrontlineGrains(new ConfigurationBuilder().Build());
        });
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(StreamNames.Provider);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
            client.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
