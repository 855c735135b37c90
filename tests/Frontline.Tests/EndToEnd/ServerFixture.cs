using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.EndToEnd;

/// <summary>One embedded server process on an empty data directory, shared by tests that use fresh ids.</summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public EmbeddedServerProcess Server { get; private set; } = null!;

    public GraphQLHttpClient GraphQL { get; private set; } = null!;

    /// <summary>Extra server arguments (configuration) of derived fixtures.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    public async Task InitializeAsync()
    {
        Server = await EmbeddedServerProcess.StartAsync(_data.Path, Arguments);
        GraphQL = new GraphQLHttpClient(Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        GraphQL.Dispose();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>
/// Runs alone (not beside other collections): its subscription tests assert sub-second delivery, which a machine
/// busy with a parallel import cannot promise.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
