using Frontline.Silo.Import;
using Frontline.Tests.Infrastructure;
using Frontline.Tests.Reference;

namespace Frontline.Tests.EndToEnd;

/// <summary>
/// One embedded server (a real process on its own data directory) with the shared CRM and journey data imported
/// twice through the public GraphQL API, exactly as the import command does it. Both import results are kept.
/// </summary>
public sealed class ImportedServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public EmbeddedServerProcess Server { get; private set; } = null!;

    public GraphQLHttpClient GraphQL { get; private set; } = null!;

    public ImportRunResult FirstImport { get; private set; } = null!;

    public ImportRunResult SecondImport { get; private set; } = null!;

    /// <summary>Answers of a set of figures read after the first import, to compare with the same read after the second.</summary>
    public string FiguresAfterFirstImport { get; private set; } = "";

    public const string FiguresQuery = """
        {
          units { id opportunityCount wonCount lostCount openCount wonValue members { name } }
          linear: attribution(from: "2018-07-01T00:00:00Z", to: "2018-08-01T00:00:00Z") { conversions value unattributed credits { key conversions value } }
          first: attribution(model: FIRST_TOUCH, by: CHANNEL) { conversions value unattributed credits { key conversions value } }
        }
        """;

    public async Task InitializeAsync()
    {
        Server = await EmbeddedServerProcess.StartAsync(_data.Path);
        GraphQL = new GraphQLHttpClient(Server.BaseAddress);
        FirstImport = await ImportAsync();
        FiguresAfterFirstImport = (await GraphQL.DataAsync(FiguresQuery)).ToString();
        SecondImport = await ImportAsync();
    }

    private async Task<ImportRunResult> ImportAsync()
    {
        var plan = ImportPlan.Create(CrmParser.Parse(SharedData.CrmDirectory), JourneyParser.Parse(SharedData.JourneysFile));
        var client = new GraphQLIngestClient(GraphQL.Http, Server.BaseAddress, GraphQLIngestClient.DefaultRetryDelays);
        var result = await new ImportSender(client, 500).SendAsync(plan, new PlainImportProgress(TextWriter.Null, TimeProvider.System));
        Assert.True(result.Failure is null, $"import failed: {result.Failure}\n{Server.Output}");
        return result;
    }

    public async Task DisposeAsync()
    {
        GraphQL.Dispose();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedServerCollection : ICollectionFixture<ImportedServerFixture>
{
    public const string Name = "imported-server";
}
