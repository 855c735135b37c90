using System.Collections.Immutable;

namespace Frontline.Silo.Import;

/// <summary>What a path file turns into: distinct paths with summed counts, and the rows that could not become one.</summary>
public sealed record PathImport
{
    /// <summary>File name without directory, as printed.</summary>
    public required string File { get; init; }

    /// <summary>One entry per distinct path of the good rows, in order of first appearance, traced to that row.</summary>
    public required ImmutableArray<Sourced<ImportedPath>> Paths { get; init; }

    /// <summary>Good rows read; more than <see cref="Paths"/> when a path appears on several rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Refused rows, in line order.</summary>
    public required ImmutableArray<BadRow> BadRows { get; init; }
}
