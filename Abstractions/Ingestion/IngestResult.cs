using System.Collections.Immutable;

namespace Frontline.Abstractions.Ingestion;

/// <summary>What happened to a batch: how many items took effect, how many were repeats, and which were refused.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.IngestResult")]
public sealed record IngestResult
{
    /// <summary>Items applied for the first time.</summary>
    [Id(0)] public int Accepted { get; init; }

    /// <summary>Items already applied before (same id); they had no second effect.</summary>
    [Id(1)] public int Duplicates { get; init; }

    /// <summary>Refused items, each with its index, field and reason; they changed nothing.</summary>
    [Id(2)] public ImmutableArray<IngestRejection> Rejected { get; init; } = [];

    /// <summary>An empty result.</summary>
    public static IngestResult Empty { get; } = new();
}
