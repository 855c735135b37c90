using Frontline.Silo.Storage.Postgres;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// Our queue queries (schema V2) as Orleans' ADO.NET stream provider calls them: by key from <c>OrleansQuery</c>,
/// with the provider's parameter names and types. The receipt rules are what make delivery at-least-once.
/// </summary>
public sealed class StreamQueueSchemaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int MaxAttempts = 5;

    [Fact]
    public async Task GetStreamMessages_ThreeQueued_OldestFirstAndHiddenOnceTaken()
    {
        var queue = await NewQueueAsync();
        var ids = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await QueueAsync(queue, [(byte)i]));
        }

        var first = await GetAsync(queue, maxCount: 2);
        var second = await GetAsync(queue, maxCount: 2);

        Assert.Equal([(ids[0], 1, (byte)1), (ids[1], 1, (byte)2)], first.Select(m => (m.Id, m.Dequeued, m.Payload[0])));
        Assert.Equal([(ids[2], 1, (byte)3)], second.Select(m => (m.Id, m.Dequeued, m.Payload[0])));
        Assert.Empty(await GetAsync(queue, maxCount: 10));
    }

    [Fact]
    public async Task ConfirmStreamMessages_StaleOrWrongReceipt_DeletesNothing_RightReceiptDeletes()
    {
        var queue = await NewQueueAsync();
        var id = await QueueAsync(queue, [7]);
        var taken = Assert.Single(await GetAsync(queue, maxCount: 1));

        Assert.Empty(await ConfirmAsync(queue, $"{id}:{taken.Dequeued + 1}"));
        Assert.Equal(1, await CountAsync("orleans_stream_message", queue));

        Assert.Equal([id], await ConfirmAsync(queue, $"{id}:{taken.Dequeued}"));
        Assert.Equal(0, await CountAsync("orleans_stream_message", queue));
    }

    [Fact]
    public async Task ConfirmStreamMessages_NegativeReceipt_ReleasesForImmediateRedelivery()
    {
        var queue = await NewQueueAsync();
        var id = await QueueAsync(queue, [1]);
        var taken = Assert.Single(await GetAsync(queue, maxCount: 1));
        Assert.Empty(await GetAsync(queue, maxCount: 1));

        Assert.Equal([id], await ConfirmAsync(queue, $"{id}:{-taken.Dequeued}"));

        // Visible at once (no visibility timeout to wait out), and the release gave back its attempt.
        var again = Assert.Single(await GetAsync(queue, maxCount: 1));
        Assert.Equal((id, 1), (again.Id, again.Dequeued));
    }

    [Fact]
    public async Task FailStreamMessage_DeliveryGivenUp_MovesToDeadLetters()
    {
        var queue = await NewQueueAsync();
        var id = await QueueAsync(queue, [9]);
        Assert.Single(await GetAsync(queue, maxCount: 1));

        await ExecuteAsync("FailStreamMessageKey", queue, ("MessageId", id), ("MaxAttempts", MaxAttempts), ("RemovalTimeout", 3600));

        Assert.Equal((0, 1), (await CountAsync("orleans_stream_message", queue), await CountAsync("orleans_stream_dead_letter", queue)));
    }

    [Fact]
    public async Task GetStreamMessages_ExpiredMessage_NotDeliveredButMovedToDeadLetters()
    {
        var queue = await NewQueueAsync();
        await QueueAsync(queue, [1], expirySeconds: 0);
        var live = await QueueAsync(queue, [2]);

        var taken = await GetAsync(queue, maxCount: 10);

        Assert.Equal([live], taken.Select(m => m.Id));
        Assert.Equal((1, 1), (await CountAsync("orleans_stream_message", queue), await CountAsync("orleans_stream_dead_letter", queue)));
    }

    private async Task<string> NewQueueAsync()
    {
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        return "queue-" + Guid.NewGuid().ToString("N")[..8];
    }

    private async Task<long> QueueAsync(string queue, byte[] payload, int expirySeconds = 600)
    {
        var rows = await ReadAsync("QueueStreamMessageKey", queue, r => r.GetInt64(r.GetOrdinal("MessageId")), ("Payload", payload), ("ExpiryTimeout", expirySeconds));
        return Assert.Single(rows);
    }

    private Task<List<(long Id, int Dequeued, byte[] Payload)>> GetAsync(string queue, int maxCount) =>
        ReadAsync(
            "GetStreamMessagesKey",
            queue,
            r => (r.GetInt64(r.GetOrdinal("MessageId")), r.GetInt32(r.GetOrdinal("Dequeued")), (byte[])r["Payload"]),
            ("MaxCount", maxCount), ("MaxAttempts", MaxAttempts), ("VisibilityTimeout", 60), ("RemovalTimeout", 3600),
            ("EvictionInterval", 0), ("EvictionBatchSize", 100));

    private Task<List<long>> ConfirmAsync(string queue, string items) =>
        ReadAsync("ConfirmStreamMessagesKey", queue, r => r.GetInt64(r.GetOrdinal("MessageId")), ("Items", items));

    private async Task<long> CountAsync(string table, string queue)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE queue_id = @q", connection);
        command.Parameters.AddWithValue("q", queue);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<T>> ReadAsync<T>(string key, string queue, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = await CommandAsync(connection, key, queue, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task ExecuteAsync(string key, string queue, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = await CommandAsync(connection, key, queue, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The query text of <paramref name="key"/>, bound the way the provider binds it (named, typed by value).</summary>
    private static async Task<NpgsqlCommand> CommandAsync(NpgsqlConnection connection, string key, string queue, (string Name, object Value)[] parameters)
    {
        await using var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", connection);
        lookup.Parameters.AddWithValue("k", key);
        var command = new NpgsqlCommand((string)(await lookup.ExecuteScalarAsync())!, connection);
        command.Parameters.AddWithValue("ServiceId", "frontline-test");
        command.Parameters.AddWithValue("ProviderId", "ingest");
        command.Parameters.AddWithValue("QueueId", queue);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
