using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The settings every Frontline process reads whatever its role (<c>Frontline</c>, <c>Orleans</c> and
/// <c>ConnectionStrings:Frontline</c>), bound and validated on start with messages that name the key.
/// </summary>
public static class FrontlineHostOptionsExtensions
{
    /// <summary>
    /// Registers <see cref="FrontlineOptions"/> and <see cref="OrleansHostOptions"/> with their start-up validation and
    /// returns the values as configured now, for the parts of the host that take shape before options are resolved.
    /// </summary>
    public static (FrontlineOptions Frontline, OrleansHostOptions Orleans, string? ConnectionString) AddFrontlineHostOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var frontlineSection = builder.Configuration.GetSection(FrontlineOptions.SectionName);
        var orleansSection = builder.Configuration.GetSection(OrleansHostOptions.SectionName);
        var connectionString = builder.Configuration.GetConnectionString(FrontlineSiloExtensions.ConnectionStringName);
        const string profileKey = $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Profile)}";
        const string roleKey = $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Role)}";
        const string connectionKey = $"ConnectionStrings:{FrontlineSiloExtensions.ConnectionStringName}";

        builder.Services.AddOptions<FrontlineOptions>()
            .Bind(frontlineSection)
            .Validate(o => HostRoles.IsKnown(o.Role), $"{roleKey} must be '{HostRoles.Silo}' or '{HostRoles.Gateway}'.")
            .Validate(o => FrontlineProfiles.IsKnown(o.Profile), $"{profileKey} must be '{FrontlineProfiles.Embedded}' or '{FrontlineProfiles.Cluster}'.")
            .Validate(
                o => !HostRoles.IsGateway(o.Role) || FrontlineProfiles.IsCluster(o.Profile),
                $"{roleKey} is '{HostRoles.Gateway}' but {profileKey} is not '{FrontlineProfiles.Cluster}': a standalone gateway serves a PostgreSQL cluster; pass --{profileKey} {FrontlineProfiles.Cluster} --{connectionKey} \"Host=127.0.0.1;Port=55432;Database=frontline;Username=postgres\".")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.DataDirectory)} must not be empty.")
            .Validate(
                o => !FrontlineProfiles.IsCluster(o.Profile) || !string.IsNullOrWhiteSpace(connectionString),
                $"{profileKey} is '{FrontlineProfiles.Cluster}' but {connectionKey} is not set: pass --{connectionKey} \"Host=127.0.0.1;Port=55432;Database=frontline;Username=postgres\" (scripts/postgres url prints it).")
            .ValidateOnStart();
        builder.Services.AddOptions<OrleansHostOptions>()
            .Configure<IOptions<FrontlineOptions>>((o, frontline) => (o.SiloPort, o.GatewayPort) = (frontline.Value.SiloPort, frontline.Value.GatewayPort))
            .Bind(orleansSection)
            .Validate(o => IsPort(o.SiloPort) && IsPort(o.GatewayPort) && o.SiloPort != o.GatewayPort, $"{OrleansHostOptions.SectionName}: {nameof(OrleansHostOptions.SiloPort)} and {nameof(OrleansHostOptions.GatewayPort)} must be distinct values in 1-65535.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClusterId), $"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.ClusterId)} must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceId), $"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.ServiceId)} must not be empty.")
            .ValidateOnStart();

        // The profile, the role and the ports shape the host while it is being configured, before options are
        // resolved; the same values are validated on start, which reports a bad one with the messages above.
        var frontline = frontlineSection.Get<FrontlineOptions>() ?? new FrontlineOptions();
        var orleans = new OrleansHostOptions { SiloPort = frontline.SiloPort, GatewayPort = frontline.GatewayPort };
        orleansSection.Bind(orleans);
        return (frontline, orleans, connectionString);
    }

    private static bool IsPort(int port) => port is > 0 and <= 65535;
}
