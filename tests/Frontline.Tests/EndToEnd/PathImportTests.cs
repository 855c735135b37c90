using Frontline.Silo.Import;
using Frontline.Tests.Reference;

namespace Frontline.Tests.EndToEnd;

/// <summary>The shared path file sent to a real server exactly as <c>import --paths</c> does, on the imported server's own scope.</summary>
[Collection(ImportedServerCollection.Name)]
public sealed class PathImportTests(ImportedServerFixture fixture)
{
    [Fact]
    public async Task ImportPaths_SharedFileTwice_StoresTheDistinctPathsWithoutDoubling()
    {
        var scope = $"paths/e2e-{Guid.NewGuid():N}";

        var first = await SendAsync(scope);
        var second = await SendAsync(scope);

        Assert.Null(first.Failure);
        Assert.Null(second.Failure);
        Assert.Equal(5_408, Assert.Single(first.Tallies).Stored);
        Assert.Equal(5_408, Assert.Single(second.Tallies).Stored);
    }

    [Fact]
    public async Task ImportPaths_ScopeWithAt_FailsWithValidationCode()
    {
        var result = await SendAsync("paths/a@b");

        var error = Assert.IsType<GraphQLErrorException>(result.Failure);
        Assert.StartsWith("importPaths: ", error.Message);
        Assert.EndsWith(" [VALIDATION]", error.Message);
    }

    private async Task<ImportRunResult> SendAsync(string scope)
    {
        var plan = ImportPlan.Create(null, null, scope, PathParser.Parse(SharedData.PathDataFile));
        var client = new GraphQLIngestClient(fixture.GraphQL.Http, fixture.Server.BaseAddress, GraphQLIngestClient.DefaultRetryDelays);
        return await new ImportSender(client, 500).SendAsync(plan, new PlainImportProgress(TextWriter.Null, TimeProvider.System));
    }
}
