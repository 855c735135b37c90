namespace Frontline.Tests.Cluster;

/// <summary>Two silos in the cluster profile on a fresh database, shared by tests that use fresh ids.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    /// <summary>Connection string of the cluster's database.</summary>
    public string ConnectionString => _database.ConnectionString;

    public SiloCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Cluster = await SiloCluster.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
