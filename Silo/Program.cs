using Frontline.GraphQL.Transport;
using Frontline.Silo.Hosting;
using Frontline.Silo.Import;
using Frontline.Silo.Ingestion;
using Frontline.Silo.Security;
using Frontline.Silo.Storage.Postgres;

namespace Frontline.Silo;

/// <summary>Runs a Frontline silo or standalone gateway with GraphQL at /graphql (embedded or cluster profile), or the import, token or migrate command.</summary>
public static class Program
{
    private static Microsoft.Extensions.Options.OptionsValidationException? ValidationFailure(Exception exception) => exception switch
    {
        Microsoft.Extensions.Options.OptionsValidationException validation => validation,
        AggregateException aggregate => aggregate.InnerExceptions.Select(ValidationFailure).FirstOrDefault(found => found is not null),
        _ => null,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args is ["import", ..])
        {
            return await ImportCommand.RunAsync(args[1..]);
        }

        if (args is ["token", ..])
        {
            return TokenCommand.Run(args[1..]);
        }

        if (args is ["migrate", ..])
        {
            return await MigrateCommand.RunAsync(args[1..]);
        }

        // Settings ship beside the binary; relative data paths still resolve against the caller's directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.UseDefaultUrl("http://localhost:5080");
        try
        {
            // First, so a host without usable keys stops before it joins a cluster.
            builder.AddFrontlineSecurity();
        }
        catch (SecurityConfigurationException exception)
        {
            await Console.Error.WriteLineAsync($"frontline: {exception.Message}");
            return 1;
        }

        try
        {
            builder.AddFrontlineRole();
        }
        catch (HostConfigurationException exception)
        {
            await Console.Error.WriteLineAsync($"frontline: {exception.Message}");
            return 1;
        }

        builder.AddFrontlineGraphQL();
        builder.AddFrontlineLimits();
        builder.AddFrontlineDiagnostics();
        builder.Services.AddHealthChecks();

        var app = builder.Build();

        // Authentication first, so the rate limiter partitions by the verified caller.
        app.UseFrontlineSecurity();
        app.UseFrontlineLimits();
        app.MapHealthChecks("/health");
        app.MapFrontlineDiagnostics();
        app.MapGraphQLEndpoints("/graphql");
        app.MapBulkIngest();
        app.MapFrontlineDashboard();
        try
        {
            await app.RunAsync();
        }
        catch (Exception exception) when (ValidationFailure(exception) is { } failure)
        {
            // The host has logged the details; the operator gets the setting's message as the last line and exit code 1.
            await Console.Error.WriteLineAsync($"frontline: {string.Join(" ", failure.Failures.Distinct())}");
            return 1;
        }

        return 0;
    }
}
