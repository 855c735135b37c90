using System.Net;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>Small steps of the cluster tests around <c>POST /ingest/touches</c>: one line, one post, a journey's event ids.</summary>
public static class BulkTouches
{
    /// <summary>The NDJSON line of touch <paramref name="i"/> of <paramref name="customer"/>, <paramref name="i"/> minutes after <paramref name="at"/>.</summary>
    public static string Line(string customer, int i, DateTimeOffset at) => JsonSerializer.Serialize(new
    {
        eventId = $"{customer}-{i}", customerId = customer, action = "ContentViewed", channel = "Web", occurredAt = at.AddMinutes(i).ToString("O"),
    });

    /// <summary>Posts <paramref name="ndjson"/> and returns the status.</summary>
    public static async Task<HttpStatusCode> PostAsync(HttpClient http, string ndjson)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/ingest/touches", content);
        return response.StatusCode;
    }

    /// <summary>
    /// The event ids in <paramref name="customer"/>'s journey, in journey order; none while the customer does not exist
    /// (bulk touches are applied right after their acknowledgement, so it may not yet) or cannot be reached.
    /// </summary>
    public static async Task<List<string>> JourneyAsync(GraphQLHttpClient client, string customer)
    {
        // UNAVAILABLE (a silo just left and its grains are moving) reads as nothing yet, for callers that read again.
        var data = await client.DataOrUnavailableAsync("query($c: ID!) { customer(id: $c) { journey(first: 50) { edges { node { eventId } } } } }", new { c = customer });
        return data is not { } found || found.GetProperty("customer").ValueKind == JsonValueKind.Null
            ? []
            : [.. found.GetProperty("customer").GetProperty("journey").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()!)];
    }

    /// <summary>Runs one statement on <paramref name="connection"/>.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stored bulk batches not yet forgotten (<c>frontline_ingest_batch</c>), only those naming <paramref name="customer"/> when given.</summary>
    public static async Task<long> BatchRowsAsync(NpgsqlConnection connection, string? customer = null)
    {
        await using var count = new NpgsqlCommand(
            customer is null ? "SELECT count(*) FROM frontline_ingest_batch" : "SELECT count(*) FROM frontline_ingest_batch WHERE @customer = ANY(customers)",
            connection);
        if (customer is not null)
        {
            count.Parameters.AddWithValue("customer", customer);
        }

        return (long)(await count.ExecuteScalarAsync())!;
    }
}
