using System.Net;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// A silo stopped by its operator first lets its customers apply the bulk touches it stored and forgets the batch,
/// rather than leaving it to the stale-batch sweep of another silo (set to ten minutes here, so it cannot help).
/// </summary>
public sealed class ProjectorDrainTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Customers = 20;

    [Fact]
    public async Task GracefulStop_TouchesStoredButNotApplied_AppliedBeforeTheSiloGoes()
    {
        var run = "drain-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        var customers = Enumerable.Range(0, Customers).Select(c => $"{run}-{c}").ToList();
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, 2, "--Frontline:Ingest:StaleBatchAfter", "00:10:00");
        using var http = TestTokens.HqHttpClient(cluster.A.BaseAddress);
        using var graphQL = new GraphQLHttpClient(cluster.B.BaseAddress);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        // Every customer activated on B: a grain is placed where its first call comes from.
        foreach (var customer in customers)
        {
            Assert.Empty(await BulkTouches.JourneyAsync(graphQL, customer));
        }

        // A touch for each through A. Applying it registers the customer's journey-window reminder, which fails while
        // the reminder table is away, so the batch stays unapplied in A's projector while A begins to stop.
        await BulkTouches.ExecuteAsync(connection, "ALTER TABLE orleans_reminders RENAME TO orleans_reminders_away");
        Task stopping;
        try
        {
            Assert.Equal(HttpStatusCode.OK, await BulkTouches.PostAsync(http, string.Join('\n', customers.Select(c => BulkTouches.Line(c, 1, at)))));
            Assert.Equal(1L, await BulkTouches.BatchRowsAsync(connection));
            stopping = cluster.A.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await BulkTouches.ExecuteAsync(connection, "ALTER TABLE orleans_reminders_away RENAME TO orleans_reminders");
        }

        await stopping;

        // A applied the batch and forgot it before going: no row is left for the sweep (which would take ten minutes).
        Assert.Equal(0L, await BulkTouches.BatchRowsAsync(connection));
        foreach (var customer in customers)
        {
            Assert.Equal([$"{customer}-1"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 1));
        }
    }
}
