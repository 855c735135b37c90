using System.Text.Json;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Streams;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Streams;

namespace Frontline.Tests.Cluster;

/// <summary>
/// The durable ingestion stream: a .NET integrator's Orleans client (configured as README shows) publishes touches
/// to a 2-silo cluster on PostgreSQL; every valid touch lands in its customer's journey exactly once, repeats have no
/// second effect, bad items are refused and counted in <c>streamRejections</c>, and nothing queued is lost across a
/// full cluster restart.
/// </summary>
public sealed class IngestStreamTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Publish_TouchesWithRepeatsAndBadItems_EveryValidTouchOnceBadOnesCounted()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = Enumerable.Range(0, 20).Select(c => $"stream-{run}-c{c}").ToArray();
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(0, 300).Select(i => Touch($"{run}-e{i}", customers[i % customers.Length], now.AddMinutes(-i))).ToList();
        TouchEnvelope[] bad =
        [
            Touch($"{run}-bad-action", customers[0], now) with { Action = "Teleported" },
            Touch($"{run}-bad-future", customers[1], now.AddDays(3)),
            Touch($"{run}-bad-value", customers[2], now) with { Value = -5m },
            Touch("", customers[3], now),
            Touch($"{run}-bad-channel", customers[4], now) with { Channel = "" },
        ];

        // Each test has its own database: a cluster left behind by a failed test must not slow the next one's start.
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await PublishAndCheckAsync(database.ConnectionString, run, customers, valid, bad, now);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task PublishAndCheckAsync(string connectionString, string run, string[] customers, List<TouchEnvelope> valid, TouchEnvelope[] bad, DateTimeOffset now)
    {
        await using var cluster = await SiloCluster.StartAsync(connectionString);
        using var host = await StartClientAsync(connectionString);
        var stream = host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Ingest);

        // Every 10th touch is published twice (a producer retrying after a lost acknowledgement); the bad items are
        // spread through the run so good ones of the same customers come after them.
        var published = 0;
        foreach (var touch in valid)
        {
            await stream.GetStream<TouchEnvelope>(StreamNames.Touches, touch.CustomerId).OnNextAsync(touch);
            if (published % 10 == 0)
            {
                await stream.GetStream<TouchEnvelope>(StreamNames.Touches, touch.CustomerId).OnNextAsync(touch);
            }

            if (published % 60 == 0 && published / 60 < bad.Length)
            {
                var item = bad[published / 60];
                await stream.GetStream<TouchEnvelope>(StreamNames.Touches, item.CustomerId).OnNextAsync(item);
            }

            published++;
        }

        // A touch of customer 5 published on customer 6's stream: refused, recorded under neither.
        var misrouted = Touch($"{run}-misrouted", customers[5], now);
        await stream.GetStream<TouchEnvelope>(StreamNames.Touches, customers[6]).OnNextAsync(misrouted);

        using var graphQL = new GraphQLHttpClient(cluster.B.BaseAddress);
        var journeys = await WaitForJourneysAsync(graphQL, customers, valid);
        foreach (var customer in customers)
        {
            var expected = valid.Where(t => t.CustomerId == customer).Select(t => t.EventId).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, journeys[customer].EventIds.Order(StringComparer.Ordinal).ToList());
            Assert.Equal(expected.Count, journeys[customer].TotalCount);
        }

        var rejections = await WaitForRejectionsAsync(graphQL, bad.Length + 1);
        Assert.Equal(bad.Length + 1, rejections.GetProperty("count").GetInt64());
        var recent = rejections.GetProperty("recent").EnumerateArray()
            .Select(r => (r.GetProperty("eventId").GetString(), r.GetProperty("streamKey").GetString(), r.GetProperty("field").GetString()))
            .ToHashSet();
        Assert.Equal(
            new HashSet<(string?, string?, string?)>
            {
                ($"{run}-bad-action", customers[0], "action"),
                ($"{run}-bad-future", customers[1], "occurredAt"),
                ($"{run}-bad-value", customers[2], "value"),
                ("", customers[3], "eventId"),
                ($"{run}-bad-channel", customers[4], "channel"),
                ($"{run}-misrouted", customers[6], "customerId"),
            },
            recent);

        // Delivered messages are confirmed, i.e. deleted from the queue table; none went to the dead letters.
        Assert.Equal((0L, 0L), await WaitForEmptyQueueAsync(connectionString));
        await cluster.StopAsync();
    }

    /// <summary>
    /// The strongest form of "acknowledged means durable": the touches are published while no silo runs at all (the
    /// producer writes to PostgreSQL, it needs no silo), so they can only reach the journeys from the queue table.
    /// </summary>
    [Fact]
    public async Task Publish_WhileEverySiloIsStopped_QueuedTouchesRecordedWhenTheClusterReturns()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = Enumerable.Range(0, 10).Select(c => $"restart-{run}-c{c}").ToArray();
        var now = DateTimeOffset.UtcNow;
        var touches = Enumerable.Range(0, 100).Select(i => Touch($"{run}-r{i}", customers[i % customers.Length], now.AddMinutes(-i))).ToList();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using (var first = await SiloCluster.StartAsync(database.ConnectionString))
            {
                using var host = await StartClientAsync(database.ConnectionString);
                await first.StopAsync();

                var stream = host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Ingest);
                await Task.WhenAll(touches.Select(t => stream.GetStream<TouchEnvelope>(StreamNames.Touches, t.CustomerId).OnNextAsync(t)));
                Assert.Equal((100L, 0L), await QueueCountsAsync(database.ConnectionString));
            }

            await using var second = await SiloCluster.StartAsync(database.ConnectionString);
            using var graphQL = new GraphQLHttpClient(second.A.BaseAddress);
            var journeys = await WaitForJourneysAsync(graphQL, customers, touches);
            foreach (var customer in customers)
            {
                Assert.Equal(
                    touches.Where(t => t.CustomerId == customer).Select(t => t.EventId).Order(StringComparer.Ordinal),
                    journeys[customer].EventIds.Order(StringComparer.Ordinal));
            }

            // The new silos confirmed what they delivered; nothing expired or ran out of attempts.
            Assert.Equal((0L, 0L), await WaitForEmptyQueueAsync(database.ConnectionString));
            await second.StopAsync();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>
    /// kill -9 of one of two silos while touches stream in: what the dead silo had taken but not confirmed becomes
    /// visible again after the visibility timeout and the survivor delivers it; the customer grains dedupe, so every
    /// touch is in its journey exactly once.
    /// </summary>
    [Fact]
    public async Task Publish_OneSiloKilledMidStream_EveryTouchRecordedExactlyOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = Enumerable.Range(0, 40).Select(c => $"kill-{run}-c{c}").ToArray();
        var now = DateTimeOffset.UtcNow;
        var touches = Enumerable.Range(0, 2000).Select(i => Touch($"{run}-k{i}", customers[i % customers.Length], now.AddSeconds(-i))).ToList();
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await using var cluster = await SiloCluster.StartAsync(database.ConnectionString);
            using var host = await StartClientAsync(database.ConnectionString);
            var stream = host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Ingest);
            for (var batch = 0; batch < touches.Count / 100; batch++)
            {
                if (batch == 5)
                {
                    cluster.B.Kill();
                }

                await Task.WhenAll(touches.Skip(batch * 100).Take(100).Select(t => stream.GetStream<TouchEnvelope>(StreamNames.Touches, t.CustomerId).OnNextAsync(t)));
            }

            using var graphQL = new GraphQLHttpClient(cluster.A.BaseAddress);
            var journeys = await WaitForJourneysAsync(graphQL, customers, touches, TimeSpan.FromMinutes(4));
            foreach (var customer in customers)
            {
                var expected = touches.Where(t => t.CustomerId == customer).Select(t => t.EventId).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, journeys[customer].EventIds.Order(StringComparer.Ordinal).ToList());
                Assert.Equal(expected.Count, journeys[customer].TotalCount);
            }

            Assert.Equal((0L, 0L), await WaitForEmptyQueueAsync(database.ConnectionString));
            await cluster.A.StopAsync();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>The embedded profile has the same provider and namespace on memory streams: the same producer code works.</summary>
    [Fact]
    public async Task Publish_EmbeddedProfile_SameStreamOnMemoryStreamsRecordsTouches()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = new[] { $"embedded-{run}-a", $"embedded-{run}-b" };
        var now = DateTimeOffset.UtcNow;
        var touches = Enumerable.Range(0, 20).Select(i => Touch($"{run}-m{i}", customers[i % 2], now.AddMinutes(-i))).ToList();
        using var data = new TempDirectory();
        await using var server = await EmbeddedServerProcess.StartAsync(data.Path);
        var host = new HostBuilder()
            .UseOrleansClient(client => client.UseLocalhostClustering(server.GatewayPort).AddMemoryStreams(StreamNames.Ingest))
            .Build();
        await host.StartAsync();
        try
        {
            var stream = host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Ingest);
            foreach (var touch in touches.Append(touches[0]))
            {
                await stream.GetStream<TouchEnvelope>(StreamNames.Touches, touch.CustomerId).OnNextAsync(touch);
            }

            await stream.GetStream<TouchEnvelope>(StreamNames.Touches, customers[0]).OnNextAsync(Touch($"{run}-bad", customers[0], now) with { Value = -1m });

            using var graphQL = new GraphQLHttpClient(server.BaseAddress);
            var journeys = await WaitForJourneysAsync(graphQL, customers, touches);
            foreach (var customer in customers)
            {
                Assert.Equal(
                    touches.Where(t => t.CustomerId == customer).Select(t => t.EventId).Order(StringComparer.Ordinal),
                    journeys[customer].EventIds.Order(StringComparer.Ordinal));
            }

            var rejections = await WaitForRejectionsAsync(graphQL, 1);
            var rejected = Assert.Single(rejections.GetProperty("recent").EnumerateArray());
            Assert.Equal(($"{run}-bad", "value"), (rejected.GetProperty("eventId").GetString(), rejected.GetProperty("field").GetString()));
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>An integrator's client: exactly the configuration README's cluster section shows.</summary>
    private static async Task<IHost> StartClientAsync(string connectionString)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("frontline", "frontline"))
                .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString))
                .AddAdoNetStreams(StreamNames.Ingest, s =>
                {
                    s.ConfigureAdoNet(o => o.Configure(a =>
                        (a.Invariant, a.ConnectionString, a.ExpiryTimeout) = ("Npgsql", connectionString, TimeSpan.FromDays(7))));
                    s.ConfigurePartitioning(StreamNames.IngestPartitions);
                }))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static TouchEnvelope Touch(string eventId, string customerId, DateTimeOffset at) => new()
    {
        EventId = eventId,
        CustomerId = customerId,
        // Any of the 16 touch actions (the 17th, ContractSigned, is a conversion), varied by id.
        Action = StandardActions.All[eventId.Sum(c => c) % 16],
        Channel = "Stream",
        OccurredAt = at,
        Source = "ingest-stream-test",
    };

    /// <summary>Polls the journeys until each customer holds at least its expected number of touches (or the deadline passes), then returns them.</summary>
    private static async Task<Dictionary<string, (int TotalCount, List<string> EventIds)>> WaitForJourneysAsync(
        GraphQLHttpClient graphQL, IReadOnlyList<string> customers, IReadOnlyList<TouchEnvelope> expected, TimeSpan? within = null)
    {
        var wanted = expected.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.Count());
        var deadline = DateTime.UtcNow + (within ?? Deadline);
        while (true)
        {
            var journeys = new Dictionary<string, (int, List<string>)>();
            var answered = true;
            foreach (var customer in customers)
            {
                // While a killed silo is not yet declared dead, calls to grains it held fail; the cluster must
                // recover, so errors are only fatal once the deadline has passed.
                var (status, body) = await graphQL.PostAsync(
                    "query($c: ID!) { customer(id: $c) { journey(first: 200) { totalCount edges { node { eventId } } } } }", new { c = customer });
                if (body.TryGetProperty("errors", out var errors))
                {
                    Assert.True(DateTime.UtcNow < deadline, $"HTTP {status}: {errors}");
                    answered = false;
                    break;
                }

                var journey = body.GetProperty("data").GetProperty("customer");
                journeys[customer] = journey.ValueKind == JsonValueKind.Null
                    ? (0, [])
                    : (journey.GetProperty("journey").GetProperty("totalCount").GetInt32(),
                       journey.GetProperty("journey").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()!).ToList());
            }

            if (answered && (customers.All(c => journeys[c].Item1 >= wanted.GetValueOrDefault(c)) || DateTime.UtcNow > deadline))
            {
                return journeys;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<JsonElement> WaitForRejectionsAsync(GraphQLHttpClient graphQL, int count)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var data = await graphQL.DataAsync("{ streamRejections { stream count recent { eventId streamKey field reason at } } }");
            var rejections = data.GetProperty("streamRejections");
            if (rejections.GetProperty("count").GetInt64() >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(StreamNames.Touches, rejections.GetProperty("stream").GetString());
                return rejections;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Messages still queued and dead letters, once the queue has drained (or the deadline passed).</summary>
    private static async Task<(long Queued, long Dead)> WaitForEmptyQueueAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var counts = await QueueCountsAsync(connectionString);
            if (counts == (0, 0) || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<(long Queued, long Dead)> QueueCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM orleans_stream_message), (SELECT count(*) FROM orleans_stream_dead_letter)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
