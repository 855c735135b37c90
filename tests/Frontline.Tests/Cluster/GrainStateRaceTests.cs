using System.Text;
using Frontline.Silo.Storage.Postgres;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// The grain state queries at the SQL level, called exactly as Orleans' ADO.NET grain storage calls them (same
/// parameter names and types). The storage turns a NULL new version into <c>InconsistentStateException</c>.
/// </summary>
public sealed class GrainStateRaceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private string _write = null!;
    private string _read = null!;

    public async Task InitializeAsync()
    {
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        _write = await QueryTextAsync("WriteToStorageKey");
        _read = await QueryTextAsync("ReadFromStorageKey");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteToStorage_SecondFirstWriteWaitsOnTheFirst_OneRowAndTheSecondFailsTheETagCheck()
    {
        var key = NewKey();
        await using var first = await OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        Assert.Equal(1, await WriteAsync(first, transaction, key, etag: null, "first"));

        // The second activation's first write collides on the unique key and waits for the first to finish.
        await using var second = await OpenAsync();
        var secondWrite = WriteAsync(second, null, key, etag: null, "second");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(secondWrite.IsCompleted, "the second first write should wait on the uncommitted first one");

        await transaction.CommitAsync();

        Assert.Null(await secondWrite);
        Assert.Equal(1, await RowCountAsync(key));
        Assert.Equal(("first", 1), await ReadAsync(key));
    }

    [Fact]
    public async Task WriteToStorage_EightRacingFirstWrites_OneRowOneWinnerSevenConflicts()
    {
        var key = NewKey();
        using var go = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var connection = await OpenAsync();
            go.Wait();
            return await WriteAsync(connection, null, key, etag: null, $"writer {i}");
        })).ToArray();
        go.Set();
        var versions = await Task.WhenAll(writers);

        Assert.Equal(1, versions.Count(v => v == 1));
        Assert.Equal(7, versions.Count(v => v is null));
        Assert.Equal(1, await RowCountAsync(key));
    }

    [Fact]
    public async Task WriteToStorage_ETags_OnlyTheCurrentVersionWrites()
    {
        var key = NewKey();
        await using var connection = await OpenAsync();

        Assert.Equal(1, await WriteAsync(connection, null, key, etag: null, "v1"));
        Assert.Null(await WriteAsync(connection, null, key, etag: null, "a second first write"));
        Assert.Equal(2, await WriteAsync(connection, null, key, etag: 1, "v2"));
        Assert.Null(await WriteAsync(connection, null, key, etag: 1, "stale"));
        Assert.Null(await WriteAsync(connection, null, NewKey(), etag: 5, "no such row"));

        Assert.Equal(("v2", 2), await ReadAsync(key));
        Assert.Equal(1, await RowCountAsync(key));
    }

    private static GrainKey NewKey() => new(Random.Shared.Next(), Random.Shared.Next(), "opportunity", "opp-" + Guid.NewGuid().ToString("N"));

    private async Task<int?> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, GrainKey key, int? etag, string payload)
    {
        await using var command = new NpgsqlCommand(_write, connection, transaction);
        AddKey(command, key);
        command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", System.Data.DbType.Int32) { Value = (object?)etag ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("PayloadBinary", System.Data.DbType.Binary) { Value = Encoding.UTF8.GetBytes(payload) });
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? null : (int)result;
    }

    private async Task<(string Payload, int Version)?> ReadAsync(GrainKey key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(_read, connection);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (Encoding.UTF8.GetString((byte[])reader["PayloadBinary"]), (int)reader["Version"])
            : null;
    }

    private async Task<long> RowCountAsync(GrainKey key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = @id", connection);
        command.Parameters.AddWithValue("id", key.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void AddKey(NpgsqlCommand command, GrainKey key)
    {
        // The names and DbTypes AdoNetGrainStorage binds; a string-keyed grain has N0 = N1 = 0 and its key as the string part.
        command.Parameters.Add(new NpgsqlParameter("GrainIdHash", System.Data.DbType.Int32) { Value = key.IdHash });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN0", System.Data.DbType.Int64) { Value = 0L });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN1", System.Data.DbType.Int64) { Value = 0L });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", System.Data.DbType.Int32) { Value = key.TypeHash });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeString", System.Data.DbType.String) { Value = key.Type });
        command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", System.Data.DbType.String) { Value = key.Id });
        command.Parameters.Add(new NpgsqlParameter("ServiceId", System.Data.DbType.String) { Value = "frontline" });
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<string> QueryTextAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed record GrainKey(int IdHash, int TypeHash, string Type, string Id);
}
