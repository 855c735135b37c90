using Frontline.Abstractions.Customers;
using Frontline.Grains.Customers;
using Frontline.Silo.Storage.Journal;
using Npgsql;
using NpgsqlTypes;

namespace Frontline.Silo.Storage.Postgres;

/// <summary>
/// The silo-wide touch journal of the cluster profile, in <c>frontline_touch_journal</c> (schema V3): appends from
/// every customer grain of the silo are grouped (<see cref="GroupCommitQueue{T}"/>) into one multi-row
/// <c>INSERT ... ON CONFLICT DO NOTHING</c>, a single statement and so a single commit, after which every waiting
/// customer acknowledges.
/// </summary>
public sealed class PostgresTouchJournal : ITouchJournal, IAsyncDisposable
{
    /// <summary>Rows one statement carries at most; the columns travel as arrays, so this bounds memory, not parameters.</summary>
    public const int DefaultMaxBatchRows = 5_000;

    /// <summary>Commits in flight at once: while one waits for its fsync, the next batch is already on its way.</summary>
    public const int DefaultConcurrentCommits = 2;

    /// <summary>Connections for activations reading the journal, beside those of the commits.</summary>
    public const int MaxReaders = 8;

    // unnest turns the column arrays back into rows, so a batch of any size is one statement with nine parameters.
    private const string InsertSql = """
        INSERT INTO frontline_touch_journal
            (service_id, customer_id, event_id, position, action, channel, occurred_ticks, value, opportunity_id)
        SELECT @service, r.* FROM unnest(@customers, @events, @positions, @actions, @channels, @ticks, @values, @opportunities) AS r
        ON CONFLICT (service_id, customer_id, event_id) DO NOTHING
        """;

    private const string ReadSql = """
        SELECT position, event_id, action, channel, occurred_ticks, value, opportunity_id
        FROM frontline_touch_journal
        WHERE service_id = @service AND customer_id = @customer AND position > @position
        ORDER BY position, event_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly GroupCommitQueue<Row> _queue;

    /// <summary>A journal on <paramref name="connectionString"/> for the grain state namespace <paramref name="serviceId"/>.</summary>
    public PostgresTouchJournal(string connectionString, string serviceId, int maxBatchRows = DefaultMaxBatchRows, int concurrentCommits = DefaultConcurrentCommits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        // Its own pool, beside the one Orleans' providers share: kept small, so that a wave of activations reading the
        // journal queues here instead of taking the server's last connections from grain storage.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, concurrentCommits + MaxReaders);
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _serviceId = serviceId;
        _queue = new GroupCommitQueue<Row>(CommitAsync, maxBatchRows, concurrentCommits);
    }

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <inheritdoc />
    public Task AppendAsync(string customerId, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(entries);
        return _queue.EnqueueAsync([.. entries.Select(e => new Row(customerId, e))]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string customerId, long position)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("customer", customerId);
        command.Parameters.AddWithValue("position", position);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new JournalEntry(reader.GetInt64(0), new JourneyTouch
            {
                EventId = reader.GetString(1),
                Action = reader.GetString(2),
                Channel = reader.GetString(3),
                OccurredAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                Value = reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                OpportunityId = reader.IsDBNull(6) ? null : reader.GetString(6),
            }));
        }

        return entries;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task CommitAsync(IReadOnlyList<Row> rows)
    {
        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.Add(Array("customers", NpgsqlDbType.Text, rows.Select(r => r.CustomerId)));
        command.Parameters.Add(Array("events", NpgsqlDbType.Text, rows.Select(r => r.Entry.Touch.EventId)));
        command.Parameters.Add(Array("positions", NpgsqlDbType.Bigint, rows.Select(r => r.Entry.Position)));
        command.Parameters.Add(Array("actions", NpgsqlDbType.Text, rows.Select(r => r.Entry.Touch.Action)));
        command.Parameters.Add(Array("channels", NpgsqlDbType.Text, rows.Select(r => r.Entry.Touch.Channel)));
        command.Parameters.Add(Array("ticks", NpgsqlDbType.Bigint, rows.Select(r => r.Entry.Touch.OccurredAt.UtcTicks)));
        command.Parameters.Add(Array("values", NpgsqlDbType.Numeric, rows.Select(r => r.Entry.Touch.Value)));
        command.Parameters.Add(Array("opportunities", NpgsqlDbType.Text, rows.Select(r => r.Entry.Touch.OpportunityId)));

        // One statement outside an explicit transaction is one transaction: the rows commit together or not at all.
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Array<TValue>(string name, NpgsqlDbType elementType, IEnumerable<TValue> values)
        => new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };

    private sealed record Row(string CustomerId, JournalEntry Entry);
}
