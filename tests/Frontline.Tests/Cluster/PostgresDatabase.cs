namespace Frontline.Tests.Cluster;

/// <summary>A fresh database per test class on the shared test PostgreSQL, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    /// <summary>Npgsql connection string of the class's database.</summary>
    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync() => await PostgresServer.DropDatabaseAsync(ConnectionString);
}
