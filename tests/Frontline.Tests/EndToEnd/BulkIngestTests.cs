using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Frontline.Tests.EndToEnd;

/// <summary>POST /ingest/touches: NDJSON in, per-line outcome out, idempotent on retry.</summary>
[Collection(ServerCollection.Name)]
public sealed class BulkIngestTests(ServerFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string ndjson)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await fixture.GraphQL.Http.PostAsync("/ingest/touches", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task IngestTouches_MixedLines_GoodOnesLandBadOnesNamedByLineAndField()
    {
        var customer = "bulk-" + Guid.NewGuid().ToString("N");
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        string Line(string id, string action = "ContentViewed", string? occurredAt = null) =>
            JsonSerializer.Serialize(new { eventId = id, customerId = customer, action, channel = "Web", occurredAt = occurredAt ?? at, attributes = new { campaign = "winter" } });
        var ndjson = string.Join('\n',
            Line(customer + "-1"),
            Line(customer + "-2"),
            "",
            "{ not json",
            Line(customer + "-3", occurredAt: "yesterday"),
            Line(customer + "-4", action: "Teleported"),
            Line(customer + "-1"));

        var (status, body) = await PostAsync(ndjson);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 1), (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32()));
        Assert.Equal(
            [(4, "line"), (5, "occurredAt"), (6, "action")],
            body.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString()!)));
        var journey = await fixture.GraphQL.DataAsync("query($c: ID!) { customer(id: $c) { touchCount } }", new { c = customer });
        Assert.Equal(2, journey.GetProperty("customer").GetProperty("touchCount").GetInt32());

        var (_, again) = await PostAsync(ndjson);
        Assert.Equal((0, 3), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
    }
}
