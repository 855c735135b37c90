using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Frontline.Abstractions.Ingestion;
using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class GraphQLIngestClientTests
{
    private static readonly ImmutableArray<TimeSpan> NoWait = [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero];

    [Fact]
    public async Task SendAsync_Batch_PostsDocumentAndInputVariable()
    {
        var handler = new StubGraphQLHandler().RespondResult("registerUnits", accepted: 1);
        var client = Create(handler);

        await client.SendAsync(IngestMutations.RegisterUnits, new JsonArray(new JsonObject { ["id"] = "u" }));

        var body = JsonNode.Parse(Assert.Single(handler.Requests))!;
        Assert.Equal(
            "mutation($input: [RegisterUnitInput!]!) { registerUnits(input: $input) { accepted duplicates rejected { index field reason code } } }",
            body["query"]!.GetValue<string>());
        Assert.Equal("""{"input":[{"id":"u"}]}""", body["variables"]!.ToJsonString());
        Assert.Equal(new Uri("http://server.test/graphql"), client.Endpoint);
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableThenRefusedThenOk_RetriesAndReturnsTheResult()
    {
        var handler = new StubGraphQLHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "{}")
            .RefuseConnection()
            .RespondResult("recordTouches", accepted: 2, duplicates: 1,
                rejected: """[{"index":2,"field":"occurredAt","reason":"too far in the future","code":"VALIDATION"}]""");

        var result = await Create(handler).SendAsync(IngestMutations.RecordTouches, []);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, result.Accepted);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(
            new IngestRejection { Index = 2, Field = "occurredAt", Reason = "too far in the future", Code = "VALIDATION" },
            Assert.Single(result.Rejected));
    }

    [Fact]
    public async Task SendAsync_ConnectionAlwaysRefused_ThrowsUnreachableAfterEveryRetry()
    {
        var handler = new StubGraphQLHandler().RefuseConnection().RefuseConnection().RefuseConnection().RefuseConnection();

        var error = await Assert.ThrowsAsync<ServerUnreachableException>(
            () => Create(handler).SendAsync(IngestMutations.RegisterUnits, []));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("http://server.test/graphql: Connection refused (localhost:5080) (after 4 attempts)", error.Message);
    }

    [Fact]
    public async Task SendAsync_GraphQLErrors_ThrowsWithMessageAndCodeWithoutRetrying()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.BadRequest,
            """{"errors":[{"message":"Unknown argument 'input'.","extensions":{"code":"BAD_REQUEST"}}]}""");

        var error = await Assert.ThrowsAsync<GraphQLErrorException>(
            () => Create(handler).SendAsync(IngestMutations.ImportOpportunities, []));

        Assert.Single(handler.Requests);
        Assert.Equal("importOpportunities: Unknown argument 'input'. [BAD_REQUEST]", error.Message);
    }

    [Fact]
    public async Task SendAsync_NotFoundWithoutGraphQLBody_ThrowsUnreachable()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.NotFound, "not here");

        var error = await Assert.ThrowsAsync<ServerUnreachableException>(
            () => Create(handler).SendAsync(IngestMutations.RegisterCustomers, []));

        Assert.Equal("http://server.test/graphql: HTTP 404 Not Found, not a GraphQL response", error.Message);
    }

    private static GraphQLIngestClient Create(StubGraphQLHandler handler) =>
        new(new HttpClient(handler), new Uri("http://server.test/"), NoWait);
}
