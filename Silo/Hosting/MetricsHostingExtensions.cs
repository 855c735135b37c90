using Frontline.Grains.Ingestion;
using OpenTelemetry.Metrics;

namespace Frontline.Silo.Hosting;

/// <summary>
/// Metrics for operators: Orleans' own meters (grain calls, activations, messaging, storage) and ASP.NET Core's
/// request metrics, served in the Prometheus text format at <see cref="Path"/> to operators and HQ.
/// </summary>
public static class MetricsHostingExtensions
{
    /// <summary>Where the scrape endpoint is served.</summary>
    public const string Path = "/metrics";

    /// <summary>The meter Orleans publishes its runtime metrics on.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Collects the meters above for the scrape endpoint.</summary>
    public static WebApplicationBuilder AddFrontlineMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OrleansMeter)
            .AddMeter(TouchProjector.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps the scrape endpoint; the security middleware admits operators and HQ only.</summary>
    public static WebApplication MapFrontlineMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
