using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Cluster;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Bench;

/// <summary>
/// Part 4: durable ingest events/s through <c>POST /ingest/touches</c> of a cluster-profile silo process against raw
/// multi-row INSERTs of the same events from one connection (the limit of this database on this machine), both on
/// the throwaway PostgreSQL of <c>scripts/postgres</c>, each in a fresh database.
/// </summary>
public static class DurableIngest
{
    /// <summary>Rows per raw INSERT statement; each statement is its own transaction.</summary>
    public const int RawRowsPerStatement = 200;

    /// <summary>NDJSON lines per HTTP request.</summary>
    public const int LinesPerRequest = 5_000;

    /// <summary>HTTP requests in flight at once.</summary>
    public const int Senders = 4;

    /// <summary>Events per customer: the 50-touch journey of DESIGN's memory target.</summary>
    public const int TouchesPerCustomer = 50;

    /// <summary>Events sent to other customers before timing, so JIT and connection pools are warm.</summary>
    public const int WarmupEvents = 100_000;

    private static readonly string[] Actions = ["ContentViewed", "EmailEngaged", "LivestreamAttended", "DemoDelivered", "WhitepaperDownloaded"];
    private static readonly string[] Channels = ["Web", "Email", "Paid Search", "Field", "Social"];

    /// <summary>
    /// Measures <paramref name="events"/> events the raw way, then through each of <paramref name="silos"/> (name and
    /// Frontline.Silo.dll path; null is this checkout's build).
    /// </summary>
    public static async Task<DurableIngestResult> RunAsync(int events, IReadOnlyList<(string Name, string? Assembly)> silos)
    {
        var customers = Math.Max(1, events / TouchesPerCustomer);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var touches = Generate("bench", events, customers, start);
        var warmup = Generate("warm", WarmupEvents, WarmupEvents / TouchesPerCustomer, start);

        string settings;
        DurableIngestRow raw;
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            settings = await SettingsAsync(database);
            raw = await InsertRawAsync(database, touches, warmup);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }

        var http = new List<DurableIngestRow>();
        foreach (var (name, assembly) in silos)
        {
            database = await PostgresServer.CreateDatabaseAsync();
            try
            {
                http.Add(await IngestOverHttpAsync(name, assembly, database, touches, warmup));
            }
            finally
            {
                await PostgresServer.DropDatabaseAsync(database);
            }
        }

        return new DurableIngestResult(events, customers, settings, raw, http);
    }

    private static async Task<DurableIngestRow> InsertRawAsync(string connectionString, IReadOnlyList<Touch> touches, IReadOnlyList<Touch> warmup)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE bench_raw_touches (customer_id text NOT NULL, event_id text NOT NULL, action text NOT NULL, channel text NOT NULL, occurred_at timestamptz NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var chunk in warmup.Chunk(RawRowsPerStatement))
        {
            await InsertAsync(connection, chunk);
        }

        await using var monitor = await OpenMonitorAsync(connectionString);
        var commitsBefore = await CommitsAsync(monitor);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in touches.Chunk(RawRowsPerStatement))
        {
            await InsertAsync(connection, chunk);
        }

        var elapsed = watch.Elapsed;
        return new DurableIngestRow($"raw multi-row INSERT ({RawRowsPerStatement} rows a statement, one transaction each, 1 connection)", touches.Count, elapsed, 0, null, await CommitsAsync(monitor) - commitsBefore);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, Touch[] rows)
    {
        var sql = new StringBuilder("INSERT INTO bench_raw_touches (customer_id, event_id, action, channel, occurred_at) VALUES ");
        await using var command = new NpgsqlCommand { Connection = connection };
        for (var i = 0; i < rows.Length; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}(@c{i}, @e{i}, @a{i}, @h{i}, @t{i})");
            command.Parameters.AddWithValue($"c{i}", rows[i].CustomerId);
            command.Parameters.AddWithValue($"e{i}", rows[i].EventId);
            command.Parameters.AddWithValue($"a{i}", rows[i].Action);
            command.Parameters.AddWithValue($"h{i}", rows[i].Channel);
            command.Parameters.AddWithValue($"t{i}", rows[i].OccurredAt);
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DurableIngestRow> IngestOverHttpAsync(string name, string? assembly, string connectionString, IReadOnlyList<Touch> touches, IReadOnlyList<Touch> warmup)
    {
        var data = Directory.CreateTempSubdirectory("frontline-bench-");
        try
        {
            // Opened before the silo, which may hold most of the server's connections while it ingests.
            await using var monitor = await OpenMonitorAsync(connectionString);
            string[] arguments = ["--Frontline:Profile", "cluster", "--ConnectionStrings:Frontline", connectionString, "--Logging:LogLevel:Default", "Warning"];
            await using var silo = assembly is null
                ? await EmbeddedServerProcess.StartAsync(data.FullName, arguments)
                : await EmbeddedServerProcess.StartAsync(assembly, data.FullName, arguments);
            using var http = TestTokens.HqHttpClient(silo.BaseAddress, TimeSpan.FromMinutes(5));

            await SendAllAsync(http, Requests(warmup));
            await WaitForEmptyBacklogAsync(http);
            var requests = Requests(touches);
            var cpuBefore = ProcessCpu(silo.ProcessId);
            var commitsBefore = await CommitsAsync(monitor);
            var watch = Stopwatch.StartNew();
            var retries = await SendAllAsync(http, requests);
            var elapsed = watch.Elapsed;
            var cpu = ProcessCpu(silo.ProcessId) - cpuBefore;
            var commits = await CommitsAsync(monitor) - commitsBefore;
            TimeSpan? applied = await WaitForEmptyBacklogAsync(http) ? watch.Elapsed : null;
            return new DurableIngestRow(name, touches.Count, elapsed, retries, cpu, commits, applied);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Polls the silo's <c>frontline_ingest_backlog</c> every 20 ms until it is 0 and returns true; false at once when the
    /// silo has no such metric (an older build, whose customers apply touches before answering).
    /// </summary>
    private static async Task<bool> WaitForEmptyBacklogAsync(HttpClient http)
    {
        while (true)
        {
            var metrics = await http.GetStringAsync("/metrics");
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("frontline_ingest_backlog", StringComparison.Ordinal));
            if (line is null)
            {
                return false;
            }

            if (long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Sends every request, <see cref="Senders"/> at a time, each until answered 200; returns how many 503s were retried.</summary>
    private static async Task<int> SendAllAsync(HttpClient http, IReadOnlyList<(string Body, int Lines)> requests)
    {
        var next = -1;
        var retries = 0;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count)
            {
                var (body, lines) = requests[index];
                while (true)
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
                    using var response = await http.PostAsync("/ingest/touches", content);
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(TimeSpan.FromMilliseconds(200));
                        continue;
                    }

                    response.EnsureSuccessStatusCode();
                    var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var stored = result.GetProperty("accepted").GetInt32() + result.GetProperty("duplicates").GetInt32();
                    if (stored != lines)
                    {
                        throw new InvalidOperationException($"request {index}: {stored} of {lines} lines stored: {result}");
                    }

                    break;
                }
            }
        })));
        return retries;
    }

    private static List<(string Body, int Lines)> Requests(IReadOnlyList<Touch> touches) =>
        [.. touches.Chunk(LinesPerRequest).Select(chunk => (string.Join('\n', chunk.Select(t => JsonSerializer.Serialize(new
        {
            eventId = t.EventId,
            customerId = t.CustomerId,
            action = t.Action,
            channel = t.Channel,
            occurredAt = t.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        }))), chunk.Length))];

    // Seeded, in time order, customers interleaved: what an integrator forwarding a live feed sends.
    private static List<Touch> Generate(string prefix, int events, int customers, DateTimeOffset start)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, events).Select(i => new Touch(
            $"{prefix}-e{i}",
            $"{prefix}-c{random.Next(customers)}",
            Actions[random.Next(Actions.Length)],
            Channels[random.Next(Channels.Length)],
            start.AddMilliseconds(i * 100L)))];
    }

    private static TimeSpan ProcessCpu(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

    // The statistics collector reports with a small delay; a fresh snapshot is forced first. The reading itself
    // commits one transaction, a constant the report does not subtract.
    private static async Task<long> CommitsAsync(NpgsqlConnection monitor)
    {
        await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", monitor);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static async Task<NpgsqlConnection> OpenMonitorAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('server_version')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(2)}, fsync {reader.GetString(0)}, synchronous_commit {reader.GetString(1)}";
    }

    private sealed record Touch(string EventId, string CustomerId, string Action, string Channel, DateTimeOffset OccurredAt);
}
