using System.Collections.Immutable;

namespace Frontline.Silo.Import;

/// <summary>The paths of a run, ready to send in one <c>importPaths</c> request.</summary>
/// <param name="Scope">The attribution scope whose paths they replace.</param>
/// <param name="Paths">Distinct paths in send order, each with the row it first came from.</param>
/// <param name="BadRows">Rows of the path file refused before sending.</param>
public sealed record PathStep(string Scope, ImmutableArray<Sourced<ImportedPath>> Paths, int BadRows);
