using Frontline.GraphQL.Transport;
using Frontline.Silo.Ingestion;
using Frontline.Silo.Security;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The long-running process: a silo or a standalone gateway serving GraphQL, bulk ingestion, health, metrics and the
/// dashboard. A configuration problem ends it with one line naming the setting and exit code 1, never a stack trace.
/// </summary>
public static class FrontlineServer
{
    /// <summary>Builds and runs the server until it is stopped; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // Settings ship beside the binary; relative data paths still resolve against the caller's directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.UseDefaultUrl("http://localhost:5080");
        try
        {
            // Security first, so a host without usable keys stops before it joins a cluster.
            builder.AddFrontlineSecurity();
            builder.AddFrontlineRole();
        }
        catch (Exception exception) when (exception is SecurityConfigurationException or HostConfigurationException)
        {
            return await FailAsync(exception.Message);
        }

        builder.AddFrontlineGraphQL();
        builder.AddFrontlineLimits();
        builder.AddFrontlineDiagnostics();
        builder.AddFrontlineMetrics();
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
        app.MapFrontlineMetrics();
        try
        {
            await app.RunAsync();
        }
        catch (Exception exception) when (ValidationFailure(exception) is { } failure)
        {
            // The host has logged the details; the operator gets the setting's message as the last line.
            return await FailAsync(string.Join(" ", failure.Failures.Distinct()));
        }

        return 0;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"frontline: {message}");
        return 1;
    }

    private static OptionsValidationException? ValidationFailure(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation,
        AggregateException aggregate => aggregate.InnerExceptions.Select(ValidationFailure).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
