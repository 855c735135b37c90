namespace Frontline.Silo.Hosting;

/// <summary>Values of <c>Frontline:Role</c>: what this process is in the cluster.</summary>
public static class HostRoles
{
    /// <summary>A silo that hosts grains and serves GraphQL itself (the default).</summary>
    public const string Silo = "silo";

    /// <summary>An Orleans client that hosts no grains and serves GraphQL, <c>/ingest/touches</c> and <c>/health</c> against a cluster.</summary>
    public const string Gateway = "gateway";

    /// <summary>True for a known role name (case-insensitive).</summary>
    public static bool IsKnown(string? role) => IsSilo(role) || IsGateway(role);

    /// <summary>True for the silo role.</summary>
    public static bool IsSilo(string? role) => string.Equals(role, Silo, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the standalone gateway role.</summary>
    public static bool IsGateway(string? role) => string.Equals(role, Gateway, StringComparison.OrdinalIgnoreCase);
}
