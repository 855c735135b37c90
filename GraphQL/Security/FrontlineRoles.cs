namespace Frontline.GraphQL.Security;

/// <summary>The roles a token or API key can carry (claim <see cref="FrontlineClaims.Role"/>).</summary>
public static class FrontlineRoles
{
    /// <summary>Headquarters: sees and does everything, and reads the audit log.</summary>
    public const string Hq = "hq";

    /// <summary>Leads a unit (claim <see cref="FrontlineClaims.Unit"/>): the unit's customers, opportunities and escalations.</summary>
    public const string UnitLead = "unit-lead";

    /// <summary>Member of a unit (claim <see cref="FrontlineClaims.Unit"/>): same reach as the lead.</summary>
    public const string UnitMember = "unit-member";

    /// <summary>A customer (claim <see cref="FrontlineClaims.Customer"/>): only its own customer record.</summary>
    public const string Customer = "customer";

    /// <summary>A system feeding data in: ingestion mutations and bulk ingest only.</summary>
    public const string Integrator = "integrator";

    /// <summary>Runs the service: health (and metrics/dashboard where wired), no business data.</summary>
    public const string Operator = "operator";

    /// <summary>Every role, in documentation order.</summary>
    public static readonly IReadOnlyList<string> All = [Hq, UnitLead, UnitMember, Customer, Integrator, Operator];

    /// <summary>True for a role name above (exact, lower case).</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>True for the roles bound to one unit.</summary>
    public static bool IsUnitRole(string? role) => role is UnitLead or UnitMember;
}
