using System.Collections.Concurrent;
using System.Diagnostics;
using Frontline.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Frontline.Tests.Cluster;

/// <summary>
/// PostgreSQL stopped and started in the middle of an NDJSON ingest into a 2-silo cluster. It uses a PostgreSQL of its
/// own: the shared one serves other test classes at the same time.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const int Customers = 100;
    private const int TouchesPerCustomer = 40;
    private const int BatchSize = 200;
    private const int StopAfterBatches = 5;
    private const int Senders = 2;

    private static readonly TimeSpan OutageDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PostgresStoppedAndStarted_MidIngest_ClientsSeeRetryableErrorsAndNothingAcknowledgedIsLostOrDoubled()
    {
        await using var postgres = await PrivatePostgresServer.StartAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres.ConnectionString);
        using var ingest = new NdjsonIngestClient(cluster.A.BaseAddress);
        using var graphQL = new GraphQLHttpClient(cluster.B.BaseAddress);
        var run = new TouchRun(Customers, TouchesPerCustomer);
        var batches = new ConcurrentQueue<string>(run.NdjsonBatches(BatchSize));
        var batchCount = batches.Count;
        var acknowledged = 0;
        var stopNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task SendAsync()
        {
            while (batches.TryDequeue(out var batch))
            {
                var (accepted, duplicates, rejected) = await ingest.SendAsync(batch);

                // A retried batch counts what its failed attempt stored as duplicates; nothing is refused.
                Assert.Equal((BatchSize, 0), (accepted + duplicates, rejected));
                if (Interlocked.Increment(ref acknowledged) == StopAfterBatches)
                {
                    stopNow.SetResult();
                }
            }
        }

        // A GraphQL integrator's batch sent while the database is down: UNAVAILABLE, then accepted once it is back.
        var probe = new { t = new[] { new { eventId = "outage-probe", customerId = run.Customer(0) + "-probe", action = "DemoDelivered", channel = "Field", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } };
        const string recordTouches = "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates } }";
        var graphQLUnavailable = 0;

        // A single mutation, which must say "retry" too rather than INTERNAL; a new name each time, so it must write.
        const string registerCustomer = "mutation($c: RegisterCustomerInput!) { registerCustomer(input: $c) { id } }";
        var singleUnavailable = 0;

        async Task OutageAsync()
        {
            await stopNow.Task;
            await postgres.StopAsync();

            // Keep the database down until both kinds of client have seen a retryable error.
            var clock = Stopwatch.StartNew();
            while ((graphQLUnavailable == 0 || ingest.Unavailable == 0) && clock.Elapsed < OutageDeadline)
            {
                var (_, body) = await graphQL.PostAsync(recordTouches, probe);
                if (body.TryGetProperty("errors", out var errors))
                {
                    AssertUnavailable(errors, "recordTouches while PostgreSQL was stopped", cluster.B);
                    graphQLUnavailable++;
                }
                else
                {
                    Assert.Fail($"recordTouches succeeded while PostgreSQL was stopped: {body}");
                }

                var (_, single) = await graphQL.PostAsync(registerCustomer, new { c = new { id = run.Customer(0) + "-single", name = $"Probe {clock.ElapsedTicks}", segment = "B2C" } });
                if (single.TryGetProperty("errors", out var singleErrors))
                {
                    AssertUnavailable(singleErrors, "registerCustomer while PostgreSQL was stopped", cluster.B);
                    singleUnavailable++;
                }

                // The senders meet the outage in their own time.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            await postgres.StartAgainAsync();
        }

        await Task.WhenAll(SendAsync(), SendAsync(), OutageAsync());
        Assert.Equal(batchCount, acknowledged);
        output.WriteLine($"{batchCount} batches acknowledged; 503 {ingest.Unavailable} times, {ingest.ConnectionErrors} connection errors; recordTouches UNAVAILABLE {graphQLUnavailable} times");
        Assert.True(ingest.Unavailable > 0, $"no 503 reached the NDJSON client during the outage ({ingest.ConnectionErrors} connection errors)");
        Assert.Equal(0, ingest.UnavailableWithoutRetryAfter);
        Assert.True(graphQLUnavailable > 0, "recordTouches never answered UNAVAILABLE while PostgreSQL was stopped");
        Assert.True(singleUnavailable > 0, "registerCustomer never answered UNAVAILABLE while PostgreSQL was stopped");

        // The retried probe lands once, and both silos serve again.
        var retried = await RetryUntilDataAsync(graphQL, cluster.B, recordTouches, probe);
        Assert.Equal(1, retried.GetProperty("recordTouches").GetProperty("accepted").GetInt32() + retried.GetProperty("recordTouches").GetProperty("duplicates").GetInt32());
        var probed = await graphQL.DataAsync("query($c: ID!) { customer(id: $c) { journey { totalCount } } }", new { c = run.Customer(0) + "-probe" });
        Assert.Equal(1, probed.GetProperty("customer").GetProperty("journey").GetProperty("totalCount").GetInt32());

        await run.AssertJourneysAsync(graphQL);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var members = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = 'frontline' AND status = 3", connection);
        Assert.Equal(2L, await members.ExecuteScalarAsync());
    }

    // An INTERNAL answer says nothing to the client; the exception behind it is in the serving silo's log.
    private static void AssertUnavailable(System.Text.Json.JsonElement errors, string when, EmbeddedServerProcess server)
    {
        var code = errors[0].GetProperty("extensions").GetProperty("code").GetString();
        var log = server.Output;
        Assert.True(code == "UNAVAILABLE", $"{when}: {code} instead of UNAVAILABLE: {errors}{Environment.NewLine}Serving silo's output (end):{Environment.NewLine}{log[Math.Max(0, log.Length - 20_000)..]}");
    }

    private static async Task<System.Text.Json.JsonElement> RetryUntilDataAsync(GraphQLHttpClient graphQL, EmbeddedServerProcess server, string document, object variables)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await graphQL.PostAsync(document, variables);
            if (!body.TryGetProperty("errors", out var errors))
            {
                return body.GetProperty("data");
            }

            Assert.True(clock.Elapsed < OutageDeadline, $"HTTP {status} long after PostgreSQL returned: {errors}");
            AssertUnavailable(errors, "a retry after PostgreSQL returned", server);

            // Silos reconnect to the database that just came back.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
