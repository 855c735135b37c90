namespace Frontline.Abstractions.Attribution;

/// <summary>
/// Builds and recognises attribution scope keys: <c>org</c>, <c>region/&lt;r&gt;</c>, <c>industry/&lt;i&gt;</c>,
/// <c>segment/&lt;B2B|B2C&gt;</c>, <c>unit/&lt;id&gt;</c>, and any other name an analyst imports paths into.
/// </summary>
public static class AttributionScopes
{
    /// <summary>The whole organisation.</summary>
    public const string Org = "org";

    /// <summary>Longest scope name accepted.</summary>
    public const int MaxLength = 200;

    public const string UnitPrefix = "unit/", RegionPrefix = "region/", IndustryPrefix = "industry/", SegmentPrefix = "segment/";

    /// <summary>The scope of one unit.</summary>
    public static string Unit(string unitId) => UnitPrefix + unitId;

    /// <summary>The scope of a region.</summary>
    public static string Region(string region) => RegionPrefix + region;

    /// <summary>The scope of an industry.</summary>
    public static string Industry(string industry) => IndustryPrefix + industry;

    /// <summary>The scope of a segment.</summary>
    public static string Segment(Customers.Segment segment) => SegmentPrefix + segment;

    /// <summary>Whether live journeys feed <paramref name="scope"/> (org, segment, region, industry, unit), so no paths may be imported into it.</summary>
    public static bool IsLive(string scope) =>
        scope == Org || new[] { SegmentPrefix, RegionPrefix, IndustryPrefix, UnitPrefix }.Any(p => scope.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Why <paramref name="scope"/> cannot name a scope, or null when it can. '@' separates bucket keys.</summary>
    public static string? Problem(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? "is required"
        : scope.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : scope.Contains('@', StringComparison.Ordinal) ? "must not contain '@'"
        : scope.Any(char.IsControl) ? "must not contain control characters"
        : scope.EndsWith('/') ? $"'{scope}' names no {scope.TrimEnd('/')}"
        : null;
}
