using Frontline.GraphQL.Schema;
using Frontline.GraphQL.Transport;

namespace Frontline.Silo.Hosting;

/// <summary>The HTTP side of the host: default address and the GraphQL schema with our transports.</summary>
public static class WebHostingExtensions
{
    /// <summary>Listens on <paramref name="url"/> unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }

    /// <summary>Registers the Frontline schema and the GraphQL over HTTP and graphql-transport-ws transports.</summary>
    public static WebApplicationBuilder AddFrontlineGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddFrontlineSchema();
        builder.Services.AddGraphQLTransport();
        return builder;
    }
}
