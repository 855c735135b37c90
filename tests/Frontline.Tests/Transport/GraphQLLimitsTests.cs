using System.Net;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Transport;

/// <summary>The transport's query limits (depth, complexity, timeout, operations per WebSocket) on a real Kestrel host.</summary>
public sealed class GraphQLLimitsTests
{
    [Fact]
    public async Task Post_DeeperThanMaxDepth_Returns400QueryTooComplex()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.MaxDepth = 4);

        var (allowedStatus, allowed) = await PostAsync(host, "{ tree { child { child { depth } } } }");
        var (status, refused) = await PostAsync(host, "{ tree { child { child { child { child { depth } } } } } }");

        Assert.Equal(HttpStatusCode.OK, allowedStatus);
        Assert.Equal(2, allowed.RootElement.GetProperty("data").GetProperty("tree").GetProperty("child").GetProperty("child").GetProperty("depth").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("QUERY_TOO_COMPLEX", SingleCode(refused));
        Assert.False(refused.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_MoreComplexThanMaxComplexity_Returns400QueryTooComplex()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.MaxComplexity = 1_000);

        // Children of a list field count 5 times each, so six nested lists cost more than 5^6 = 15,625.
        var (allowedStatus, _) = await PostAsync(host, "{ tree { children { depth } } }");
        var (status, refused) = await PostAsync(host, "{ tree { children { children { children { children { children { children { depth } } } } } } } }");

        Assert.Equal(HttpStatusCode.OK, allowedStatus);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("QUERY_TOO_COMPLEX", SingleCode(refused));
    }

    [Fact]
    public async Task Post_LongFragmentChain_Returns400QueryTooComplexAndServerStaysUp()
    {
        // A chain of 2,000 fragments each spreading the next used to overflow the stack in GraphQL.NET's
        // OverlappingFieldsCanBeMerged rule and kill the process; it is refused before validation now.
        await using var host = await TransportTestHost.StartAsync();
        const int chain = 2_000;
        var document = "{ tree { ...F0 } } " + string.Concat(Enumerable.Range(0, chain).Select(i =>
            $"fragment F{i} on Node {{ depth {(i + 1 < chain ? $"...F{i + 1}" : "")} }} "));

        var (status, refused) = await PostAsync(host, document);
        var (shortStatus, _) = await PostAsync(host, "{ tree { ...A } } fragment A on Node { depth ...B } fragment B on Node { depth }");

        // The 2,000-chain also has more selections than allowed; 25 fragments stay far below that count, so only the
        // chain check (MaxDepth 20) can refuse them.
        const int overDepth = 25;
        var (chainStatus, chainRefused) = await PostAsync(host, "{ tree { ...F0 } } " + string.Concat(Enumerable.Range(0, overDepth).Select(i =>
            $"fragment F{i} on Node {{ depth {(i + 1 < overDepth ? $"...F{i + 1}" : "")} }} ")));
        var (afterStatus, after) = await PostAsync(host, "{ hello }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("QUERY_TOO_COMPLEX", SingleCode(refused));
        Assert.Equal(HttpStatusCode.OK, shortStatus);
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), (chainStatus, SingleCode(chainRefused)));
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.True(after.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_MoreSelectionsThanMaxSelections_Returns400QueryTooComplexBeforeValidation()
    {
        // 2,000 conflicting aliases took GraphQL.NET's overlap validation ~40 s of CPU; the cap answers at once.
        await using var host = await TransportTestHost.StartAsync(o => o.MaxSelections = 50);
        var allowed = "{ tree { " + string.Concat(Enumerable.Range(0, 49).Select(i => $"a{i}: depth ")) + "} }";
        var conflicting = "{ tree { " + string.Concat(Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? "a: depth " : "a: __typename ")) + "} }";

        var (allowedStatus, _) = await PostAsync(host, allowed);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (status, refused) = await PostAsync(host, conflicting);

        Assert.Equal(HttpStatusCode.OK, allowedStatus);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("QUERY_TOO_COMPLEX", SingleCode(refused));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"refusal took {started.Elapsed}");
    }

    [Fact]
    public async Task Post_FullIntrospectionQuery_PassesDefaultLimits()
    {
        await using var host = await TransportTestHost.StartAsync();
        var (exitCode, query, error) = await NodeScripts.RunAsync("introspection-query.mjs", [], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, error);

        var (status, body) = await PostAsync(host, JsonSerializer.Serialize(new { query }), raw: true);

        Assert.True(status == HttpStatusCode.OK, body.RootElement.ToString());
        Assert.False(body.RootElement.TryGetProperty("errors", out _), body.RootElement.ToString());
        var types = body.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Node", types);
        Assert.Contains("Query", types);
    }

    [Fact]
    public async Task Post_LongerThanExecutionTimeout_Returns504Timeout()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(300));

        var (quickStatus, quick) = await PostAsync(host, "{ slow(ms: 1) }");
        var (status, refused) = await PostAsync(host, "{ slow(ms: 60000) }");

        Assert.Equal(HttpStatusCode.OK, quickStatus);
        Assert.Equal("done", quick.RootElement.GetProperty("data").GetProperty("slow").GetString());
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("TIMEOUT", SingleCode(refused));
    }

    [Fact]
    public async Task Post_MutationLongerThanExecutionTimeout_RunsToCompletion()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(100));

        var (status, body) = await PostAsync(host, "mutation { slowly(ms: 1000) }");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("done", body.RootElement.GetProperty("data").GetProperty("slowly").GetString());
    }

    [Fact]
    public async Task Subscribe_BeyondMaxOperationsPerConnection_SendsTooManySubscriptionsAndKeepsTheOthers()
    {
        await using var host = await TransportTestHost.StartAsync(o => o.MaxOperationsPerConnection = 2);
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("s1", "subscription { messages }");
        await client.SubscribeAsync("s2", "subscription { messages }");
        await host.Hub.WaitForSubscriberCountAsync(2, GraphQLWsTestClient.Timeout);

        await client.SubscribeAsync("s3", "subscription { messages }");
        using var refusal = await client.ReceiveAsync();

        Assert.Equal("error", refusal.RootElement.GetProperty("type").GetString());
        Assert.Equal("s3", refusal.RootElement.GetProperty("id").GetString());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", refusal.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(2, host.Hub.SubscriberCount);

        // Completing one frees a place on the same, still open, connection.
        await client.SendAsync("""{"type":"complete","id":"s1"}""");
        await host.Hub.WaitForSubscriberCountAsync(1, GraphQLWsTestClient.Timeout);
        await client.SubscribeAsync("s4", "subscription { messages }");
        await host.Hub.WaitForSubscriberCountAsync(2, GraphQLWsTestClient.Timeout);
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Body)> PostAsync(TransportTestHost host, string queryOrJson, bool raw = false)
    {
        using var client = host.CreateClient();
        var json = raw ? queryOrJson : JsonSerializer.Serialize(new { query = queryOrJson });
        using var response = await client.PostAsync(TransportTestHost.Path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static string? SingleCode(JsonDocument body)
        => Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString();
}
