using Orleans.Runtime;

namespace Frontline.Silo.Storage.Postgres;

/// <summary>
/// Migrates the cluster's database as the silo's very first start-up step, before the ADO.NET providers read their
/// queries from it; a failure stops the silo from joining with a schema it does not understand.
/// </summary>
internal sealed partial class PostgresSchemaMigrator(string connectionString, ILogger<PostgresSchemaMigrator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(PostgresSchemaMigrator), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var version = await PostgresSchema.MigrateAsync(connectionString, cancellationToken);
        LogSchemaVersion(version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema at version {Version}")]
    private partial void LogSchemaVersion(int version);
}
