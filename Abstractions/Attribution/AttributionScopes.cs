namespace Frontline.Abstractions.Attribution;

/// <summary>Builds and recognises attribution scope keys: <c>org</c> and <c>unit/&lt;id&gt;</c>.</summary>
public static class AttributionScopes
{
    /// <summary>The whole organisation.</summary>
    public const string Org = "org";

    /// <summary>Prefix of unit scopes.</summary>
    public const string UnitPrefix = "unit/";

    /// <summary>The scope of one unit.</summary>
    public static string Unit(string unitId) => UnitPrefix + unitId;

    /// <summary>Whether <paramref name="scope"/> is a scope this version serves.</summary>
    public static bool IsValid(string? scope) =>
        scope == Org || (scope is not null && scope.StartsWith(UnitPrefix, StringComparison.Ordinal) && scope.Length > UnitPrefix.Length);
}
