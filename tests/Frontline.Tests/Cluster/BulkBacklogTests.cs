using System.Net;
using System.Text;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// Backpressure of the cluster profile's bulk path: stored touches wait in a silo's backlog until their customers apply
/// them, and a batch that finds the backlog full is refused with a retryable 503, never stored and then dropped.
/// </summary>
public sealed class BulkBacklogTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task BulkIngest_CustomersCannotApplyAndBacklogFull_503ThenEverythingAppliedOnceStorageIsBack()
    {
        var customer = "room-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, 1,
            "--Frontline:Ingest:MaxBacklog", "1", "--Frontline:Ingest:RoomWait", "00:00:01");
        using var http = TestTokens.HqHttpClient(cluster.A.BaseAddress);
        using var graphQL = new GraphQLHttpClient(cluster.A.BaseAddress);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        // Reminders unwritable: the customer cannot register its journey-window reminder, so applying its stored touch
        // keeps failing and the touch stays in the backlog (the audit log, also written here, needs no reminder).
        await BulkTouches.ExecuteAsync(connection, "ALTER TABLE orleans_reminders RENAME TO orleans_reminders_away");
        try
        {
            Assert.Equal(HttpStatusCode.OK, await BulkTouches.PostAsync(http, BulkTouches.Line(customer, 1, at)));
            using var content = new StringContent(BulkTouches.Line(customer, 2, at), Encoding.UTF8, "application/x-ndjson");
            using var refused = await http.PostAsync("/ingest/touches", content);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "1"), (refused.StatusCode, refused.Headers.RetryAfter?.ToString()));
        }
        finally
        {
            await BulkTouches.ExecuteAsync(connection, "ALTER TABLE orleans_reminders_away RENAME TO orleans_reminders");
        }

        // The acknowledged touch reaches its customer once storage is back; the refused one was not stored and goes again.
        Assert.Equal([$"{customer}-1"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 1));
        Assert.Equal(HttpStatusCode.OK, await BulkTouches.PostAsync(http, BulkTouches.Line(customer, 2, at)));
        Assert.Equal([$"{customer}-1", $"{customer}-2"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 2));
    }
}
