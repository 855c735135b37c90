namespace Frontline.GraphQL.Security;

/// <summary>Claim types Frontline reads from tokens; short names, as they appear in the JWT payload.</summary>
public static class FrontlineClaims
{
    /// <summary>Who the caller is (user or integration name).</summary>
    public const string Subject = "sub";

    /// <summary>One of <see cref="FrontlineRoles"/>.</summary>
    public const string Role = "role";

    /// <summary>The unit id of a unit lead or member.</summary>
    public const string Unit = "unit";

    /// <summary>The customer id of a customer.</summary>
    public const string Customer = "customer";
}
