using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class ImportSenderTests
{
    [Fact]
    public async Task SendAsync_FiveItemsInBatchesOfTwo_SendsThreeRequestsAndMapsRejectionsToRows()
    {
        var handler = new StubGraphQLHandler()
            .RespondResult("recordTouches", accepted: 2)
            .RespondResult("recordTouches", accepted: 1, rejected: """[{"index":1,"field":"customerId","reason":"unknown customer","code":"NOT_FOUND"}]""")
            .RespondResult("recordTouches", accepted: 0, duplicates: 1);
        var items = Enumerable.Range(0, 5)
            .Select(i => new Sourced<JsonObject>(new JsonObject { ["eventId"] = $"e{i}" }, "j.csv", i + 2))
            .ToImmutableArray();
        var plan = new ImportPlan([new ImportStep(ImportKind.Touches, IngestMutations.RecordTouches, items, BadRows: 3)], []);
        var progress = new RecordingProgress();

        var result = await new ImportSender(Client(handler), batchSize: 2).SendAsync(plan, progress);

        Assert.Null(result.Failure);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("""{"input":[{"eventId":"e2"},{"eventId":"e3"}]}""", JsonNode.Parse(handler.Requests[1])!["variables"]!.ToJsonString());
        var tally = Assert.Single(result.Tallies);
        Assert.Equal((5, 5, 3, 1, 1, 3), (tally.Items, tally.Sent, tally.Accepted, tally.Duplicates, tally.Rejected, tally.BadRows));
        Assert.Equal("j.csv:5: customerId: unknown customer [NOT_FOUND]", Assert.Single(result.Rejections).ToString());
        Assert.Equal(["register Touches 5", "advance Touches 2", "advance Touches 2", "advance Touches 1", "complete Touches"], progress.Events);
    }

    [Fact]
    public async Task SendAsync_GraphQLErrorInFirstKind_StopsBeforeLaterKinds()
    {
        var handler = new StubGraphQLHandler().Respond(System.Net.HttpStatusCode.OK, """{"errors":[{"message":"boom"}]}""");
        ImmutableArray<Sourced<JsonObject>> one = [new(new JsonObject { ["id"] = "x" }, "f.csv", 2)];
        var plan = new ImportPlan(
            [
                new ImportStep(ImportKind.Units, IngestMutations.RegisterUnits, one, 0),
                new ImportStep(ImportKind.Customers, IngestMutations.RegisterCustomers, one, 0),
            ],
            []);

        var result = await new ImportSender(Client(handler), batchSize: 500).SendAsync(plan, new RecordingProgress());

        Assert.IsType<GraphQLErrorException>(result.Failure);
        Assert.Single(handler.Requests);
        Assert.Equal([0, 0], result.Tallies.Select(t => t.Sent));
    }

    private static GraphQLIngestClient Client(StubGraphQLHandler handler) =>
        new(new HttpClient(handler), new Uri("http://server.test"), []);

    private sealed class RecordingProgress : IImportProgress
    {
        public List<string> Events { get; } = [];

        public void Register(ImportKind kind, int total) => Events.Add($"register {kind} {total}");

        public void Advance(ImportKind kind, int items) => Events.Add($"advance {kind} {items}");

        public void Complete(ImportKind kind) => Events.Add($"complete {kind}");
    }
}
