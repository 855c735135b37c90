using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Transport;

/// <summary>Maps the GraphQL endpoint: HTTP GET/POST and graphql-transport-ws WebSockets on one path.</summary>
public static class GraphQLTransportEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GraphQL over HTTP (GET and POST) and WebSocket subscriptions at <paramref name="path"/>.
    /// Requires <see cref="GraphQLTransportServiceCollectionExtensions.AddGraphQLTransport"/> and a registered schema.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLEndpoints(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var http = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        var webSockets = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();

        // A private pipeline with the WebSocket middleware, so hosts need not remember app.UseWebSockets().
        var pipeline = endpoints.CreateApplicationBuilder().UseWebSockets();
        pipeline.Run(context => context.WebSockets.IsWebSocketRequest
            ? webSockets.HandleAsync(context)
            : http.HandleAsync(context));

        return endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], pipeline.Build())
            .WithDisplayName("GraphQL " + path);
    }
}
