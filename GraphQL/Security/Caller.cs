using System.Security.Claims;

namespace Frontline.GraphQL.Security;

/// <summary>Who is calling, as the access policy sees it: a role and, where the role is bound to one, a unit or customer id.</summary>
/// <param name="Subject">Name of the user or integration, for the audit log.</param>
/// <param name="Role">One of <see cref="FrontlineRoles"/>.</param>
/// <param name="UnitId">Unit of a unit lead or member; null otherwise.</param>
/// <param name="CustomerId">Customer id of a customer; null otherwise.</param>
public sealed record Caller(string Subject, string Role, string? UnitId, string? CustomerId)
{
    /// <summary>
    /// The caller an authenticated principal stands for, or null when it is not authenticated or its claims do not
    /// make a usable caller (an unknown role, a unit role without a unit): such a token grants nothing.
    /// </summary>
    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // Exactly one role, unit and customer: a token naming several would otherwise get whichever came first.
        if (new[] { FrontlineClaims.Role, FrontlineClaims.Unit, FrontlineClaims.Customer }.Any(type => principal.FindAll(type).Skip(1).Any()))
        {
            return null;
        }

        var role = principal.FindFirst(FrontlineClaims.Role)?.Value;
        if (!FrontlineRoles.IsKnown(role))
        {
            return null;
        }

        var unit = NullIfEmpty(principal.FindFirst(FrontlineClaims.Unit)?.Value);
        var customer = NullIfEmpty(principal.FindFirst(FrontlineClaims.Customer)?.Value);
        if ((FrontlineRoles.IsUnitRole(role) && unit is null) || (role == FrontlineRoles.Customer && customer is null))
        {
            return null;
        }

        var subject = NullIfEmpty(principal.FindFirst(FrontlineClaims.Subject)?.Value)
            ?? NullIfEmpty(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value)
            ?? NullIfEmpty(principal.Identity.Name)
            ?? role!;
        return new Caller(subject, role!, unit, customer);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
