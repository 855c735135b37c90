using Frontline.Silo.Security;
using Orleans.Dashboard;

namespace Frontline.Silo.Hosting;

/// <summary>The Orleans dashboard for operators, on a silo when <c>Frontline:Dashboard</c> is true (off by default: it profiles every grain call).</summary>
public static class DashboardHostingExtensions
{
    /// <summary>True when the configuration asks for the dashboard and this process hosts grains (a gateway has none to show).</summary>
    public static bool IsDashboardEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>($"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Dashboard)}")
            && !HostRoles.IsGateway(configuration[$"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Role)}"]);
    }

    /// <summary>Adds the dashboard's grain-side services to the silo when enabled.</summary>
    public static ISiloBuilder AddFrontlineDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (IsDashboardEnabled(configuration))
        {
            silo.AddDashboard();
        }

        return silo;
    }

    /// <summary>Serves the dashboard under <see cref="SecurityHostingExtensions.DashboardPath"/> when enabled; the security middleware admits operators and HQ only.</summary>
    public static WebApplication MapFrontlineDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsDashboardEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: SecurityHostingExtensions.DashboardPath);
        }

        return app;
    }
}
