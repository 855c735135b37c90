using Frontline.GraphQL.Transport;
using Frontline.Silo.Hosting;
using Frontline.Silo.Import;

namespace Frontline.Silo;

/// <summary>Runs Frontline's embedded server (one silo, durable file storage, GraphQL at /graphql), or the import command.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["import", ..])
        {
            return await ImportCommand.RunAsync(args[1..]);
        }

        // Settings ship beside the binary; relative data paths still resolve against the caller's directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.UseDefaultUrl("http://localhost:5080");
        builder.AddFrontlineSilo();
        builder.AddFrontlineGraphQL();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapGraphQLEndpoints("/graphql");
        await app.RunAsync();
        return 0;
    }
}
