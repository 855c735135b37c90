using Frontline.GraphQL.Transport;
using Frontline.Tests.Transport.TestApi;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// A real Kestrel host on a free loopback port running the transports over the test schema; real sockets
/// so the npm graphql-ws client can connect too.
/// </summary>
public sealed class TransportTestHost : IAsyncDisposable
{
    public const string Path = "/graphql";

    private readonly WebApplication _app;

    private TransportTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Hub = app.Services.GetRequiredService<TestMessageHub>();
        Logs = app.Services.GetRequiredService<CollectingLoggerProvider>();
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLUri => new(BaseAddress, Path);

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = "ws" }.Uri;

    public TestMessageHub Hub { get; }

    public CollectingLoggerProvider Logs { get; }

    public static async Task<TransportTestHost> StartAsync(Action<GraphQLTransportOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<TestMessageHub>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TestSchema>()
            .AddGraphTypes(typeof(TestSchema).Assembly));
        builder.Services.AddGraphQLTransport(configure);

        var app = builder.Build();
        app.MapGraphQLEndpoints(Path);
        await app.StartAsync();
        return new TransportTestHost(app, new Uri(app.Urls.Single()));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
