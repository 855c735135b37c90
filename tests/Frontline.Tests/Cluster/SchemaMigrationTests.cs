using Frontline.Silo.Storage.Postgres;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>The versioned PostgreSQL schema: <c>migrate</c> from the command line and concurrent migrations at silo start.</summary>
public sealed class SchemaMigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MigrateCommand_RunTwice_ExitsZeroAndVersionTableSaysLatest()
    {
        var first = await SiloCommand.RunAsync("migrate", "--ConnectionStrings:Frontline", database.ConnectionString);
        var second = await SiloCommand.RunAsync("migrate", "--ConnectionStrings:Frontline", database.ConnectionString);

        var latest = $"schema version {PostgresSchema.LatestVersion}";
        Assert.Equal((0, latest), (first.ExitCode, first.Output.Trim()));
        Assert.Equal((0, latest), (second.ExitCode, second.Output.Trim()));
        Assert.Equal(EmbeddedVersions(), await VersionRowsAsync(database.ConnectionString));
        Assert.Equal((1, "orleans"), EmbeddedVersions()[0]);
        Assert.Contains((2, "streaming"), EmbeddedVersions());
        Assert.Contains((3, "journal"), EmbeddedVersions());
    }

    [Fact]
    public async Task MigrateCommand_NoConnectionString_ExitsOneNamingTheKey()
    {
        var result = await SiloCommand.RunAsync("migrate");

        Assert.Equal(MigrateCommand.ExitUsage, result.ExitCode);
        Assert.Contains("ConnectionStrings:Frontline", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_EightConcurrentCallers_ApplyEachScriptOnce()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresSchema.MigrateAsync(connectionString))));

            Assert.All(versions, v => Assert.Equal(PostgresSchema.LatestVersion, v));
            Assert.Equal(EmbeddedVersions(), await VersionRowsAsync(connectionString));
            Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.GetVersionAsync(connectionString));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>A database made by an earlier release (version 1 only) gets just the later scripts on upgrade.</summary>
    [Fact]
    public async Task MigrateAsync_DatabaseAtVersionOne_AppliesOnlyTheLaterScripts()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                var v1 = PostgresSchema.Migrations[0];
                await using var old = new NpgsqlCommand(
                    $"CREATE TABLE {PostgresSchema.VersionTable} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()); "
                    + v1.Sql + $"; INSERT INTO {PostgresSchema.VersionTable} (version, name) VALUES (1, 'orleans');",
                    connection);
                await old.ExecuteNonQueryAsync();
            }

            Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.MigrateAsync(connectionString));
            Assert.Equal(EmbeddedVersions(), await VersionRowsAsync(connectionString));
            Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.MigrateAsync(connectionString));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Schema_AfterMigration_HasEveryQueryKeyTheProvidersRead()
    {
        await PostgresSchema.MigrateAsync(database.ConnectionString);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        // The keys Orleans 10.4.2's clustering, persistence and reminder providers and the 10.4.2-alpha.1 ADO.NET stream
        // provider look up (DeleteStorageKey and CleanupDefunctSiloEntryKey are optional ones we provide too).
        string[] expected =
        [
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey",
            "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
            "UpsertReminderRowKey", "WriteToStorageKey",
            "QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey", "FailStreamMessageKey",
            "EvictStreamMessagesKey", "EvictStreamDeadLettersKey",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    // Every script the Silo embeds, in order: each is recorded once, whatever scripts later branches add.
    private static List<(int Version, string Name)> EmbeddedVersions() => [.. PostgresSchema.Migrations.Select(m => (m.Version, m.Name))];

    private static async Task<List<(int Version, string Name)>> VersionRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT version, name FROM {PostgresSchema.VersionTable} ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }
}
