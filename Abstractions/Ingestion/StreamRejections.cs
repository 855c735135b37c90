using System.Collections.Immutable;

namespace Frontline.Abstractions.Ingestion;

/// <summary>What an operator sees of a stream's refused items: how many in total and the most recent ones.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.StreamRejections")]
public sealed record StreamRejections
{
    /// <summary>Stream namespace the counts belong to, e.g. <c>touches</c>.</summary>
    [Id(0)] public required string Stream { get; init; }

    /// <summary>Refused items since the cluster's database was created.</summary>
    [Id(1)] public long Count { get; init; }

    /// <summary>The latest refusals, newest first (at most <see cref="RecentLimit"/>).</summary>
    [Id(2)] public ImmutableArray<StreamRejection> Recent { get; init; } = [];

    /// <summary>How many recent refusals are kept.</summary>
    public const int RecentLimit = 100;
}
