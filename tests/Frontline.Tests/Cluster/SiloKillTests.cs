using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Frontline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Frontline.Tests.Cluster;

/// <summary>
/// <c>kill -9</c> of one of two silos in the middle of a 20,000-event NDJSON ingest through the standalone gateway,
/// with opportunities opened and closed meanwhile. Failure detection is shortened through configuration
/// (<c>Frontline:Membership:*</c>) and follow-ups are due every 5 s (<c>Frontline:Reminders:MinimumReminderPeriod</c>).
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class SiloKillTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Customers = 400;
    private const int TouchesPerCustomer = 50;
    private const int BatchSize = 500;
    private const int KillAfterBatches = 12;
    private const int Senders = 2;

    private static readonly TimeSpan ReminderDeadline = TimeSpan.FromSeconds(90);

    private static readonly string[] FastFailureDetection =
    [
        "--Frontline:FollowUp:Period", "00:00:05",
        "--Frontline:Reminders:MinimumReminderPeriod", "00:00:05",
        "--Frontline:Membership:ProbeTimeout", "00:00:02",
        "--Frontline:Membership:NumMissedProbesLimit", "2",
        "--Frontline:Membership:TableRefreshTimeout", "00:00:05",
    ];

    [Fact]
    public async Task KillNine_OneOfTwoSilosMidIngest_EveryAcknowledgedTouchOnceFiguresRightRemindersStillFire()
    {
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, 2, FastFailureDetection);
        await using var gateway = await cluster.StartGatewayAsync();
        using var graphQL = new GraphQLHttpClient(gateway.BaseAddress);
        using var ingest = new NdjsonIngestClient(gateway.BaseAddress);
        var run = new TouchRun(Customers, TouchesPerCustomer);

        // Opportunities opened before the ingest: their grains are spread over both silos, and the test kills the
        // silo that hosts more of them.
        string[] units = [await graphQL.NewUnitAsync(), await graphQL.NewUnitAsync()];
        var figures = units.ToDictionary(u => u, _ => new UnitFigures());
        var watched = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            watched.Add(await graphQL.NewOpportunityAsync(units[i % 2]));
            figures[units[i % 2]].Open++;
        }

        EmbeddedServerProcess victim;
        List<string> onVictim;
        await using (var management = await ClusterManagementClient.ConnectAsync(database.ConnectionString))
        {
            var onA = (await management.ActiveKeysAsync("opportunity", cluster.A.SiloPort)).Intersect(watched).ToList();
            var onB = (await management.ActiveKeysAsync("opportunity", cluster.B.SiloPort)).Intersect(watched).ToList();
            (victim, onVictim) = onA.Count >= onB.Count ? (cluster.A, onA) : (cluster.B, onB);
        }

        Assert.True(onVictim.Count > 0, "the management grain placed none of the watched opportunities on either silo");

        var batches = new ConcurrentQueue<(int Index, string Ndjson)>(
            run.NdjsonBatches(BatchSize).Select((batch, index) => (index, batch)));
        var batchCount = batches.Count;
        var acknowledged = 0;
        var killed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task SendAsync()
        {
            while (batches.TryDequeue(out var batch))
            {
                var (accepted, duplicates, rejected) = await ingest.SendAsync(batch.Ndjson);

                // A retried batch counts what its failed attempt stored as duplicates; nothing is refused.
                Assert.Equal((BatchSize, 0), (accepted + duplicates, rejected));
                if (Interlocked.Increment(ref acknowledged) == KillAfterBatches)
                {
                    victim.Kill();
                    killed.SetResult(DateTimeOffset.UtcNow);
                }
            }
        }

        var lifecycle = RunOpportunityLifecycleAsync(graphQL, units, figures);
        await Task.WhenAll([.. Enumerable.Range(0, Senders).Select(_ => SendAsync()), lifecycle]);
        Assert.Equal(batchCount, acknowledged);
        var killedAt = await killed.Task;
        output.WriteLine($"{batchCount} batches acknowledged; the gateway answered 503 {ingest.Unavailable} times, {ingest.ConnectionErrors} connection errors; {onVictim.Count} watched opportunities lived on the killed silo");

        await run.AssertJourneysAsync(graphQL);
        await AssertUnitFiguresAsync(graphQL, figures, watched);
        await AssertOverdueAfterAsync(graphQL, onVictim, killedAt);
    }

    /// <summary>
    /// Opens 20 opportunities while the ingest runs and the silo dies, closing a quarter as won and a quarter as lost,
    /// retrying as an integrator would: an identical open is repeatable, and a close is retried only after reading
    /// that the opportunity is still open.
    /// </summary>
    private static async Task RunOpportunityLifecycleAsync(GraphQLHttpClient graphQL, string[] units, Dictionary<string, UnitFigures> figures)
    {
        for (var j = 0; j < 20; j++)
        {
            var unit = units[j % 2];
            var id = $"opp-{Guid.NewGuid():N}"[..16];
            await RetryAsync(graphQL, "mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }",
                new { o = new { id, unitId = unit, customerId = id + "-buyer", stage = "ENGAGING", amount = 1000 + j } });
            var won = j % 4 == 0;
            if (won || j % 4 == 1)
            {
                var value = won ? 500 + j : 0;
                await RetryAsync(graphQL, "mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }",
                    new { c = new { opportunityId = id, won, value = won ? value : (int?)null } }, alreadyDone: async () =>
                    {
                        var read = await graphQL.DataAsync("query($o: ID!) { opportunity(id: $o) { stage } }", new { o = id });
                        return read.GetProperty("opportunity").GetProperty("stage").GetString() is "WON" or "LOST";
                    });
                figures[unit].Won += won ? 1 : 0;
                figures[unit].Lost += won ? 0 : 1;
                figures[unit].WonValue += value;
            }
            else
            {
                figures[unit].Open++;
            }
        }
    }

    private static async Task RetryAsync(GraphQLHttpClient graphQL, string mutation, object variables, Func<Task<bool>>? alreadyDone = null)
    {
        var clock = Stopwatch.StartNew();
        string last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                // After a failure the first attempt may still have landed: a close is not repeatable.
                if (alreadyDone is not null && last.Length > 0 && await alreadyDone())
                {
                    return;
                }

                var (status, body) = await graphQL.PostAsync(mutation, variables);
                if (!body.TryGetProperty("errors", out var errors))
                {
                    return;
                }

                var code = errors[0].GetProperty("extensions").GetProperty("code").GetString();
                Assert.True(code is "UNAVAILABLE" or "INTERNAL", $"HTTP {status}: {errors}");
                last = errors.ToString();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
            {
                last = exception.Message;
            }

            // The cluster is recovering from the kill in other processes.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.Fail($"'{mutation}' did not succeed within 120 s; last failure: {last}");
    }

    private static async Task AssertUnitFiguresAsync(GraphQLHttpClient graphQL, Dictionary<string, UnitFigures> figures, List<string> watched)
    {
        foreach (var (unit, expected) in figures)
        {
            var read = (await graphQL.DataAsync(
                "query($u: ID!) { unit(id: $u) { opportunityCount wonCount lostCount openCount wonValue } }", new { u = unit })).GetProperty("unit");
            var actual = (read.GetProperty("opportunityCount").GetInt32(), read.GetProperty("wonCount").GetInt32(), read.GetProperty("lostCount").GetInt32(), read.GetProperty("openCount").GetInt32(), read.GetProperty("wonValue").GetDecimal());
            Assert.Equal((expected.Open + expected.Won + expected.Lost, expected.Won, expected.Lost, expected.Open, (decimal)expected.WonValue), actual);
        }

        Assert.Equal(16, watched.Count);
    }

    /// <summary>The follow-up reminders of the opportunities that lived on the dead silo still tick after the kill.</summary>
    private static async Task AssertOverdueAfterAsync(GraphQLHttpClient graphQL, List<string> onVictim, DateTimeOffset killedAt)
    {
        var pending = new HashSet<string>(onVictim, StringComparer.Ordinal);
        while (pending.Count > 0 && DateTimeOffset.UtcNow - killedAt < ReminderDeadline)
        {
            foreach (var opportunity in pending.ToList())
            {
                var read = await graphQL.DataAsync("query($o: ID!) { opportunity(id: $o) { followUps { at overdue } } }", new { o = opportunity });
                if (read.GetProperty("opportunity").GetProperty("followUps").EnumerateArray().Any(f => f.GetProperty("overdue").GetBoolean() && f.GetProperty("at").GetDateTimeOffset() > killedAt))
                {
                    pending.Remove(opportunity);
                }
            }

            // Reminders tick in the surviving silo's own time.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(pending.Count == 0, $"{pending.Count} of {onVictim.Count} opportunities of the killed silo recorded no overdue follow-up within {ReminderDeadline.TotalSeconds} s of the kill");
    }

    private sealed class UnitFigures
    {
        public int Open { get; set; }

        public int Won { get; set; }

        public int Lost { get; set; }

        public int WonValue { get; set; }
    }
}
