namespace Frontline.GraphQL.Security;

/// <summary>The facts about the addressed resource that access depends on.</summary>
/// <param name="Exists">Whether the resource exists (a missing one is reported like a forbidden one to callers who may not see all).</param>
/// <param name="UnitId">The unit the resource belongs to (a unit itself: its id).</param>
/// <param name="CustomerId">The customer the resource is or belongs to.</param>
/// <param name="Scope">The attribution scope name.</param>
public readonly record struct AccessTarget(bool Exists, string? UnitId = null, string? CustomerId = null, string? Scope = null)
{
    /// <summary>No resource: operations that address none (ingestion, the audit log, the unit list).</summary>
    public static AccessTarget None => new(true);

    /// <summary>A unit by id, e.g. from an argument.</summary>
    public static AccessTarget Unit(string? unitId) => new(true, UnitId: unitId);

    /// <summary>An attribution scope by name.</summary>
    public static AccessTarget ForScope(string? scope) => new(true, Scope: scope);

    /// <summary>A resource that does not exist (or could not be read).</summary>
    public static AccessTarget Missing(string? customerId = null) => new(false, CustomerId: customerId);
}
