using Frontline.Abstractions.Streams;
using Frontline.Grains;
using Frontline.Grains.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// A shared 2-silo in-process cluster with memory storage and a fake clock for grains and reminders. Tests use
/// fresh grain keys, so they can share it; time only moves forward, so tests measure from <see cref="Clock"/>'s now.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>One clock for both silos: the grains' and the reminder service's.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Frontline);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StreamNames.Provider);
            silo.UseInMemoryReminderService();

            // Orleans keeps a reminder in memory only from 10 minutes before its tick, loading it on a table refresh
            // every 5 minutes of this fake clock; tests move the clock hours at a time and would jump over that
            // window. Loading every reminder due within 100 days (past the 90-day B2B window) lets any step deliver it.
            silo.Services.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(100));
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Clock);
            silo.Services.AddFrontlineGrains(new ConfigurationBuilder().Build());
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
