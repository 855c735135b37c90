using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Frontline.Tests.EndToEnd;
using Frontline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Frontline.Tests.Fuzz;

/// <summary>
/// Hostile input against a real server process: 10,000 generated malformed documents, variables, batches and NDJSON
/// bodies (no 5xx, an error code on every answer, the server alive and its state unchanged), and the graphql-http
/// conformance audit.
/// </summary>
public sealed class HostileInputTests(HostileInputServerFixture fixture, ITestOutputHelper output) : IClassFixture<HostileInputServerFixture>
{
    private const int Seed = 20_261_204;
    private const int Cases = 10_000;
    private const int Workers = 4;

    private const string Snapshot = """
        {
          units { id name region members { name role } opportunityCount openCount wonValue escalations { id } }
          c1: customer(id: "fz-c1") { ...C } c2: customer(id: "fz-c2") { ...C } c3: customer(id: "fz-c3") { ...C }
          attribution { conversions value nulls credits { key value } }
          fuzzPaths: attribution(scope: "paths/fuzz") { conversions nulls }
          pathStats { journeys conversions nulls }
        }
        fragment C on Customer {
          id name segment touchCount conversionCount registered health { score }
          journey(first: 500) { totalCount edges { node { eventId action channel occurredAt value } } }
        }
        """;

    [Fact]
    public async Task Fuzz_TenThousandMalformedRequests_NoServerErrorEveryAnswerCodedStateUnchanged()
    {
        await SeedStateAsync();
        var before = (await fixture.GraphQL.DataAsync(Snapshot)).GetRawText();

        // As HQ, so every malformed request gets past authentication to the parsers and validators it is meant to hit.
        using var http = TestTokens.HqHttpClient(fixture.Server.BaseAddress, TimeSpan.FromSeconds(60));
        var failures = new ConcurrentQueue<string>();
        var kinds = new ConcurrentDictionary<string, int>();
        var milliseconds = new ConcurrentDictionary<string, long>();
        var next = -1;
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int caseNumber;
            while ((caseNumber = Interlocked.Increment(ref next)) < Cases && failures.Count < 20)
            {
                var request = MalformedRequests.Create(Seed, caseNumber);
                kinds.AddOrUpdate(request.Kind, 1, (_, n) => n + 1);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                if (await CheckAsync(http, request) is { } failure)
                {
                    failures.Enqueue($"{failure}: {request}");
                }

                milliseconds.AddOrUpdate(request.Kind, watch.ElapsedMilliseconds, (_, n) => n + watch.ElapsedMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        foreach (var (kind, count) in kinds.OrderBy(k => k.Key))
        {
            output.WriteLine($"{kind}: {count} requests, {milliseconds[kind] / Math.Max(1, count)} ms each");
        }

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
        Assert.Equal(Cases, kinds.Values.Sum());
        Assert.False(fixture.Server.HasExited, fixture.Server.Output);
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var after = (await fixture.GraphQL.DataAsync(Snapshot)).GetRawText();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GraphQLHttpAudit_AgainstServer_NoErrorResults()
    {
        var (exitCode, output, error) = await NodeScripts.RunAsync("audit.mjs", [new Uri(fixture.Server.BaseAddress, "graphql").ToString()], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, error);
        using var results = JsonDocument.Parse(output);
        var all = results.RootElement.EnumerateArray().ToList();
        var errors = all.Where(r => r.GetProperty("status").GetString() == "error").Select(r => r.ToString()).ToList();
        Assert.True(all.Count > 20, output);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task FullIntrospectionQuery_OnFrontlineSchema_PassesDefaultLimits()
    {
        var (exitCode, query, error) = await NodeScripts.RunAsync("introspection-query.mjs", [], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, error);

        var data = await fixture.GraphQL.DataAsync(query);

        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("TouchInput", types);
        Assert.Contains("AttributionReport", types);
    }

    private async Task SeedStateAsync()
    {
        await fixture.GraphQL.DataAsync("""mutation { registerUnit(input: {id: "fz-unit", name: "Fuzz unit", region: "North", members: [{name: "Ada", role: "lead"}]}) { id } }""");
        await fixture.GraphQL.DataAsync("""mutation { registerCustomer(input: {id: "fz-c1", segment: B2B, name: "Fuzz customer", unitId: "fz-unit", industry: "retail", region: "North"}) { id } }""");
        var touches = Enumerable.Range(0, 3).Select(i => new
        {
            eventId = $"fz-seed-{i}",
            customerId = "fz-c1",
            action = i == 2 ? "ContractSigned" : "DemoDelivered",
            channel = "Web",
            occurredAt = $"2026-11-0{i + 1}T10:00:00Z",
            value = i == 2 ? 100m : (decimal?)null,
        });
        var result = await fixture.GraphQL.DataAsync("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }", new { t = touches });
        Assert.Equal(3, result.GetProperty("recordTouches").GetProperty("accepted").GetInt32());
    }

    /// <summary>Sends the request; returns why the answer is wrong, or null when it is a coded refusal.</summary>
    private static async Task<string?> CheckAsync(HttpClient http, MalformedRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
        if (request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
        }

        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            return $"HTTP {(int)response.StatusCode} {text}";
        }

        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return $"HTTP {(int)response.StatusCode} answer is not JSON: '{text}'";
        }

        using (body)
        {
            return Problem(body.RootElement, request.Items) is { } problem ? $"HTTP {(int)response.StatusCode} {problem}: {text[..Math.Min(text.Length, 500)]}" : null;
        }
    }

    private static string? Problem(JsonElement root, int items)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "answer is not an object";
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            if (errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            {
                return "empty errors";
            }

            return errors.EnumerateArray().All(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) && c.GetString() is { Length: > 0 })
                ? null
                : "an error without extensions.code";
        }

        if (root.TryGetProperty("error", out var code))
        {
            // The NDJSON endpoint's refusal of a whole request.
            return code.GetString() is { Length: > 0 } ? null : "empty error code";
        }

        var result = root.TryGetProperty("data", out var data)
            ? data.ValueKind == JsonValueKind.Object ? data.EnumerateObject().Select(p => p.Value).FirstOrDefault() : default
            : root;
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("accepted", out var accepted))
        {
            return "no errors, no error code and no batch result";
        }

        var rejected = result.GetProperty("rejected").EnumerateArray().ToList();
        if (accepted.GetInt32() != 0 || result.GetProperty("duplicates").GetInt32() != 0)
        {
            return "a malformed item was applied";
        }

        if (rejected.Count != items)
        {
            return $"{rejected.Count} rejections for {items} items";
        }

        return rejected.All(r => r.TryGetProperty("code", out var c) && c.GetString() is { Length: > 0 }) ? null : "a rejection without a code";
    }
}
