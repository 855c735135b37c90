using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// The touch journal under <c>kill -9</c>: touches acknowledged by <c>POST /ingest/touches</c> of either silo are all in
/// their customers' journeys exactly once after one silo died mid-ingest, including customers that lived on it, whose
/// state is then rebuilt from a snapshot (every few touches) and the journal rows after it.
/// </summary>
public sealed class JournalKillTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Customers = 200;
    private const int TouchesPerCustomer = 24;
    private const int LinesPerRequest = 400;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task BulkIngest_OneSiloKilledMidIngest_EveryAcknowledgedTouchIsInItsJourneyOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddDays(-2);

        // Each half of the customers has its own requests, and odd requests go to B, so B's half is activated on B
        // (the ingest grain is local to the silo that took the request) and must move to A after the kill.
        var halves = Enumerable.Range(0, 2).Select(half => Enumerable.Range(0, Customers / 2 * TouchesPerCustomer)
            .Select(i => (Customer: $"kill-{run}-{half}-{i % (Customers / 2)}", EventId: $"kill-{run}-{half}-t{i}", At: at.AddSeconds(i)))
            .Chunk(LinesPerRequest)
            .ToArray()).ToArray();
        var requests = halves[0].Zip(halves[1], (onA, onB) => new[] { onA, onB }).SelectMany(pair => pair).ToArray();

        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, 2, "--Frontline:Journal:SnapshotEvery", "5");
        using var a = TestTokens.HqHttpClient(cluster.A.BaseAddress, TimeSpan.FromSeconds(60));
        using var b = TestTokens.HqHttpClient(cluster.B.BaseAddress, TimeSpan.FromSeconds(60));
        var acknowledged = new ConcurrentBag<(string Customer, string EventId)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = -1;
        var killed = 0;

        // Three senders; requests alternate between the silos until B is killed half-way, then A takes the rest,
        // retrying a request that failed (503 while B's grains move, or B's connection dropped).
        async Task SendAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Length)
            {
                if (index == requests.Length / 2 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    cluster.B.Kill();
                }

                var batch = requests[index];
                var body = string.Join('\n', batch.Select(t => JsonSerializer.Serialize(new { eventId = t.EventId, customerId = t.Customer, action = "ContentViewed", channel = "Web", occurredAt = t.At.ToString("O") })));
                var useB = Volatile.Read(ref killed) == 0 && index % 2 == 1;
                while (true)
                {
                    Assert.True(clock.Elapsed < Deadline, $"request {index} still not acknowledged after {clock.Elapsed.TotalSeconds:F0} s");
                    try
                    {
                        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
                        using var response = await (useB && Volatile.Read(ref killed) == 0 ? b : a).PostAsync("/ingest/touches", content);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                            Assert.Empty(result.GetProperty("rejected").EnumerateArray());
                            Assert.Equal(batch.Length, result.GetProperty("accepted").GetInt32() + result.GetProperty("duplicates").GetInt32());
                            foreach (var touch in batch)
                            {
                                acknowledged.Add((touch.Customer, touch.EventId));
                            }

                            break;
                        }

                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The killed silo's connection: not acknowledged, so sent again.
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(SendAsync)));
        Assert.Equal(1, killed);
        Assert.Equal(Customers * TouchesPerCustomer, acknowledged.Count);

        // Acknowledged means stored; customers apply bulk touches right after, and the survivor takes up the batches
        // the dead silo left half-applied once they go stale (5 s in SiloCluster): a journey may trail for a while.
        using var reader = new GraphQLHttpClient(cluster.A.BaseAddress);
        foreach (var customer in acknowledged.GroupBy(t => t.Customer))
        {
            var expected = customer.Select(t => t.EventId).Order(StringComparer.Ordinal).ToList();
            var (ids, totalCount) = await Eventually.WaitForAsync(
                async () =>
                {
                    var data = await reader.DataOrUnavailableAsync(
                        "query($c: ID!) { customer(id: $c) { journey(first: 500) { totalCount edges { node { eventId } } } } }",
                        new { c = customer.Key });
                    if (data?.GetProperty("customer") is not { ValueKind: JsonValueKind.Object } found)
                    {
                        return (new List<string>(), 0);
                    }

                    var journey = found.GetProperty("journey");
                    return (journey.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()!).Order(StringComparer.Ordinal).ToList(),
                        journey.GetProperty("totalCount").GetInt32());
                },
                read => read.Item1.Count >= expected.Count);
            Assert.Equal(expected, ids);
            Assert.Equal(TouchesPerCustomer, totalCount);
        }

        // The cluster profile made them durable through the journal: one row per touch.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT event_id) FROM frontline_touch_journal WHERE customer_id LIKE @prefix", connection);
        count.Parameters.AddWithValue("prefix", $"kill-{run}-%");
        await using var rows = await count.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync());
        Assert.Equal((Customers * TouchesPerCustomer, Customers * TouchesPerCustomer), (rows.GetInt64(0), rows.GetInt64(1)));
    }
}
