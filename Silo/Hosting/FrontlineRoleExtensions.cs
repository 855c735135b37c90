namespace Frontline.Silo.Hosting;

/// <summary>Starts the Orleans side of the process that <c>Frontline:Role</c> asks for.</summary>
public static class FrontlineRoleExtensions
{
    /// <summary>A silo (<see cref="HostRoles.Silo"/>, the default) or a standalone gateway (<see cref="HostRoles.Gateway"/>).</summary>
    public static TBuilder AddFrontlineRole<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // An unknown role falls through to the silo setup; the options validation stops the host before anything starts and names the key.
        var role = builder.Configuration[$"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Role)}"];
        return HostRoles.IsGateway(role)
            ? builder.AddFrontlineGateway()
            : builder.AddFrontlineSilo(silo => silo.AddFrontlineDashboard(builder.Configuration));
    }
}
