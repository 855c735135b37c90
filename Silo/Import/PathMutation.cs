using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>
/// <c>importPaths(scope: String!, paths: [PathInput!]!): Int!</c>: replaces a scope's aggregated paths and returns how
/// many it now holds. Unlike the ingest mutations it cannot be batched, because each call replaces the previous one.
/// </summary>
public static class PathMutation
{
    /// <summary>The root mutation field.</summary>
    public const string Field = "importPaths";

    /// <summary>The document, with <c>$scope</c> and <c>$paths</c>.</summary>
    public const string Document = "mutation($scope: String!, $paths: [PathInput!]!) { importPaths(scope: $scope, paths: $paths) }";

    /// <summary>
    /// Most paths sent in one run. 200,000 paths are about 14 MB of JSON, half the server's 30 MB request limit; larger
    /// files are refused up front because splitting them would leave the scope holding only the last part.
    /// </summary>
    public const int MaxPaths = 200_000;

    /// <summary>A <c>PathInput</c>.</summary>
    public static JsonObject ToInput(ImportedPath path) => new()
    {
        ["path"] = path.Path,
        ["conversions"] = path.Conversions,
        ["value"] = path.Value,
        ["nulls"] = path.Nulls,
    };
}
