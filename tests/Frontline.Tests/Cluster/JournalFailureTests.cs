using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// A journal commit that fails (the journal table taken away on the class's private database) answers 503 and
/// <c>UNAVAILABLE</c>, and acknowledges nothing: the retry after repair stores every touch, once, durably.
/// </summary>
public sealed class JournalFailureTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task BulkIngest_JournalCommitFails_503AndUnavailableThenRetryStoresEachTouchOnce()
    {
        var customer = "jf-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        string Lines(params int[] ids) => string.Join('\n', ids.Select(i => JsonSerializer.Serialize(new
        {
            eventId = $"{customer}-{i}", customerId = customer, action = "ContentViewed", channel = "Web", occurredAt = at.AddMinutes(i).ToString("O"),
        })));

        await using (var first = await SiloCluster.StartAsync(database.ConnectionString, 1))
        {
            using var http = TestTokens.HqHttpClient(first.A.BaseAddress);
            using var graphQL = new GraphQLHttpClient(first.A.BaseAddress);

            // Activated first, so what fails below is the append, not the activation's journal read.
            Assert.Equal((HttpStatusCode.OK, 1, 0), await PostAsync(http, Lines(1)));

            await ExecuteAsync("ALTER TABLE frontline_touch_journal RENAME TO frontline_touch_journal_away");
            var (status, retryAfter) = await PostForStatusAsync(http, Lines(2, 3));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "1"), (status, retryAfter));
            var (code, _, _) = await graphQL.ErrorAsync(
                "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
                new { t = new[] { new { eventId = $"{customer}-4", customerId = customer, action = "ContentViewed", channel = "Web", occurredAt = at.AddMinutes(4).ToString("O") } } });
            Assert.Equal("UNAVAILABLE", code);
            Assert.Equal([$"{customer}-1"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 1));

            await ExecuteAsync("ALTER TABLE frontline_touch_journal_away RENAME TO frontline_touch_journal");
            Assert.Equal((HttpStatusCode.OK, 3, 1), await PostAsync(http, Lines(1, 2, 3, 4)));
            Assert.Equal([$"{customer}-1", $"{customer}-2", $"{customer}-3", $"{customer}-4"], await Eventually.WaitForAsync(() => BulkTouches.JourneyAsync(graphQL, customer), j => j.Count >= 4));

            // Killed without a snapshot since activation (fewer touches than SnapshotEvery): the journal alone holds
            // them, each once. (JournalKillTests rebuilds journeys from it.)
            first.A.Kill();
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT event_id FROM frontline_touch_journal WHERE customer_id = @c ORDER BY event_id", connection);
        query.Parameters.AddWithValue("c", customer);
        var stored = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.Equal([$"{customer}-1", $"{customer}-2", $"{customer}-3", $"{customer}-4"], stored);
    }

    private static async Task<(HttpStatusCode Status, int Accepted, int Duplicates)> PostAsync(HttpClient http, string ndjson)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/ingest/touches", content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, string? RetryAfter)> PostForStatusAsync(HttpClient http, string ndjson)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/ingest/touches", content);
        return (response.StatusCode, response.Headers.RetryAfter?.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
