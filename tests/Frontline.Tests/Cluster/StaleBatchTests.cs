using System.Net;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// A bulk batch that a silo stored but died before its customers applied: another silo's sweep has each customer read
/// its journal, including customers alive elsewhere, which would otherwise never see those touches.
/// </summary>
public sealed class StaleBatchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task StaleBatch_CustomerActiveOnALiveSilo_ReadsTheTouchesFromItsJournal()
    {
        var customer = "stale-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString, 1);
        using var http = TestTokens.HqHttpClient(cluster.A.BaseAddress);
        using var graphQL = new GraphQLHttpClient(cluster.A.BaseAddress);

        // Active, with one touch applied.
        Assert.Equal(HttpStatusCode.OK, await BulkTouches.PostAsync(http, BulkTouches.Line(customer, 1, at)));

        Assert.Equal([$"{customer}-1"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 1));

        // What a silo killed between storing a batch and applying it leaves: the rows and the batch, an hour old.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var orphan = new NpgsqlCommand("""
            INSERT INTO frontline_touch_journal (service_id, customer_id, event_id, position, action, channel, occurred_ticks)
            SELECT service_id, customer_id, @event, 0, 'EmailEngaged', 'Email', @ticks FROM frontline_touch_journal WHERE customer_id = @customer;
            INSERT INTO frontline_ingest_batch (service_id, customers, stored_at)
            SELECT DISTINCT service_id, ARRAY[@customer], now() - interval '1 hour' FROM frontline_touch_journal WHERE customer_id = @customer;
            """, connection))
        {
            orphan.Parameters.AddWithValue("customer", customer);
            orphan.Parameters.AddWithValue("event", $"{customer}-2");
            orphan.Parameters.AddWithValue("ticks", at.AddMinutes(2).UtcTicks);
            await orphan.ExecuteNonQueryAsync();
        }

        Assert.Equal([$"{customer}-1", $"{customer}-2"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 2));
        Assert.Equal(0L, await Eventually.WaitForAsync(() => BulkTouches.BatchRowsAsync(connection, customer), n => n == 0));
    }
}
