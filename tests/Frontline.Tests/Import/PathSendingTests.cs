using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class PathSendingTests
{
    private static readonly ImmutableArray<Sourced<ImportedPath>> TwoPaths =
    [
        new(new ImportedPath("a > b", 1, 2.5, 3), "p.csv", 2),
        new(new ImportedPath("c", 0, 0, 4), "p.csv", 3),
    ];

    [Fact]
    public async Task SendAsync_Paths_PostsOneImportPathsRequestWithScopeAndEveryPath()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.OK, """{"data":{"importPaths":2}}""");
        var plan = new ImportPlan([], [], new PathStep("paths/campaign-2026", TwoPaths, BadRows: 1));
        var progress = new RecordingProgress();

        // A batch size below the path count must not split the replacement.
        var result = await new ImportSender(Client(handler), batchSize: 1).SendAsync(plan, progress);

        Assert.Null(result.Failure);
        Assert.Equal(
            """
            {"query":"mutation($scope: String!, $paths: [PathInput!]!) { importPaths(scope: $scope, paths: $paths) }","variables":{"scope":"paths/campaign-2026","paths":[{"path":"a > b","conversions":1,"value":2.5,"nulls":3},{"path":"c","conversions":0,"value":0,"nulls":4}]}}
            """,
            Assert.Single(handler.Requests));
        var tally = Assert.Single(result.Tallies);
        Assert.Equal((ImportKind.Paths, 2, 2, (int?)2, 1), (tally.Kind, tally.Items, tally.Sent, tally.Stored, tally.BadRows));
        Assert.Equal(["register Paths 2", "advance Paths 2", "complete Paths"], progress.Events);
    }

    [Fact]
    public async Task SendAsync_TouchesAndPaths_SendsPathsLast()
    {
        var handler = new StubGraphQLHandler()
            .RespondResult("recordTouches", accepted: 1)
            .Respond(HttpStatusCode.OK, """{"data":{"importPaths":7}}""");
        ImmutableArray<Sourced<JsonObject>> touch = [new(new JsonObject { ["eventId"] = "e" }, "j.csv", 2)];
        var plan = new ImportPlan(
            [new ImportStep(ImportKind.Touches, IngestMutations.RecordTouches, touch, 0)], [], new PathStep("s", TwoPaths, 0));
        var progress = new RecordingProgress();

        var result = await new ImportSender(Client(handler), batchSize: 500).SendAsync(plan, progress);

        Assert.Null(result.Failure);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("importPaths(", handler.Requests[1], StringComparison.Ordinal);
        Assert.Equal([ImportKind.Touches, ImportKind.Paths], result.Tallies.Select(t => t.Kind));
        Assert.Equal(7, result.Tallies[1].Stored);
        Assert.Equal(
            ["register Touches 1", "register Paths 2", "advance Touches 1", "complete Touches", "advance Paths 2", "complete Paths"],
            progress.Events);
    }

    [Fact]
    public async Task SendAsync_ScopeRefusedByServer_ReturnsTheGraphQLErrorWithItsCode()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.OK,
            """{"errors":[{"message":"scope: must not contain '@'","extensions":{"code":"VALIDATION"}}],"data":null}""");
        var plan = new ImportPlan([], [], new PathStep("a@b", TwoPaths, 0));
        var progress = new RecordingProgress();

        var result = await new ImportSender(Client(handler), batchSize: 500).SendAsync(plan, progress);

        var error = Assert.IsType<GraphQLErrorException>(result.Failure);
        Assert.Equal("importPaths: scope: must not contain '@' [VALIDATION]", error.Message);
        var tally = Assert.Single(result.Tallies);
        Assert.Equal((0, (int?)null), (tally.Sent, tally.Stored));
        Assert.Equal(["register Paths 2", "complete Paths"], progress.Events);
    }

    [Fact]
    public async Task SendAsync_FailureBeforePaths_NeverSendsThem()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.OK, """{"errors":[{"message":"boom"}]}""");
        ImmutableArray<Sourced<JsonObject>> unit = [new(new JsonObject { ["id"] = "u" }, "f.csv", 2)];
        var plan = new ImportPlan([new ImportStep(ImportKind.Units, IngestMutations.RegisterUnits, unit, 0)], [], new PathStep("s", TwoPaths, 0));
        var progress = new RecordingProgress();

        var result = await new ImportSender(Client(handler), batchSize: 500).SendAsync(plan, progress);

        Assert.IsType<GraphQLErrorException>(result.Failure);
        Assert.Single(handler.Requests);
        Assert.Null(result.Tallies[1].Stored);
        Assert.Equal(["register Units 1", "register Paths 2", "complete Units", "complete Paths"], progress.Events);
    }

    [Fact]
    public async Task SendAsync_NoGoodPaths_SendsNothingSoTheScopeIsNotEmptied()
    {
        var handler = new StubGraphQLHandler();
        var plan = new ImportPlan([], [], new PathStep("s", [], BadRows: 3));

        var result = await new ImportSender(Client(handler), batchSize: 500).SendAsync(plan, new RecordingProgress());

        Assert.Null(result.Failure);
        Assert.Empty(handler.Requests);
        var tally = Assert.Single(result.Tallies);
        Assert.Equal((0, 0, (int?)null, 3), (tally.Items, tally.Sent, tally.Stored, tally.BadRows));
    }

    [Fact]
    public async Task ImportPathsAsync_UnavailableThenOk_RetriesAndReturnsTheStoredCount()
    {
        var handler = new StubGraphQLHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "{}")
            .Respond(HttpStatusCode.OK, """{"data":{"importPaths":5408}}""");

        var stored = await Client(handler, [TimeSpan.Zero]).ImportPathsAsync("s", []);

        Assert.Equal(5_408, stored);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0], handler.Requests[1]);
    }

    [Fact]
    public async Task ImportPathsAsync_ResultNotAWholeNumber_ThrowsGraphQLError()
    {
        var handler = new StubGraphQLHandler().Respond(HttpStatusCode.OK, """{"data":{"importPaths":"many"}}""");

        var error = await Assert.ThrowsAsync<GraphQLErrorException>(() => Client(handler).ImportPathsAsync("s", []));

        Assert.Equal("importPaths: expected a whole number, got \"many\"", error.Message);
    }

    [Fact]
    public void Create_MoreThan200000Paths_RefusesBeforeAnythingIsSent()
    {
        var paths = new PathImport
        {
            File = "big.csv.gz",
            Paths = [.. Enumerable.Range(0, PathMutation.MaxPaths + 1).Select(i => new Sourced<ImportedPath>(new ImportedPath($"c{i}", 1, 1, 1), "big.csv.gz", i + 2))],
            Rows = PathMutation.MaxPaths + 1,
            BadRows = [],
        };

        var error = Assert.Throws<ImportInputException>(() => ImportPlan.Create(null, null, "paths/big", paths));

        Assert.Equal(
            "big.csv.gz: 200,001 paths, more than the 200,000 one import can hold; nothing was sent (importing part of them would replace scope 'paths/big' with that part)",
            error.Message);
    }

    [Fact]
    public void Create_PathsWithBadRows_CarriesScopePathsAndBadRowCount()
    {
        BadRow bad = new(ImportKind.Paths, "p.csv", 4, "path", "empty");
        var paths = new PathImport { File = "p.csv", Paths = TwoPaths, Rows = 2, BadRows = [bad] };

        var plan = ImportPlan.Create(null, null, "s", paths);

        Assert.Empty(plan.Steps);
        Assert.Equal([bad], plan.BadRows.AsEnumerable());
        Assert.Equal(("s", 2, 1), (plan.Paths!.Scope, plan.Paths.Paths.Length, plan.Paths.BadRows));
    }

    private static GraphQLIngestClient Client(StubGraphQLHandler handler, ImmutableArray<TimeSpan> retryDelays = default) =>
        new(new HttpClient(handler), new Uri("http://server.test"), retryDelays.IsDefault ? [] : retryDelays);

    private sealed class RecordingProgress : IImportProgress
    {
        public List<string> Events { get; } = [];

        public void Register(ImportKind kind, int total) => Events.Add($"register {kind} {total}");

        public void Advance(ImportKind kind, int items) => Events.Add($"advance {kind} {items}");

        public void Complete(ImportKind kind) => Events.Add($"complete {kind}");
    }
}
