using System.Collections.Immutable;

namespace Frontline.Abstractions.Audit;

/// <summary>A page of one day's audit log, newest first.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditPage
{
    /// <summary>Entries of the page, consecutive and newest first.</summary>
    [Id(0)] public ImmutableArray<AuditEntry> Items { get; init; } = [];

    /// <summary>Sequence number in the day (0 = the day's first) of <c>Items[0]</c>; entry i has <c>FirstSequence - i</c>.</summary>
    [Id(3)] public long FirstSequence { get; init; }

    /// <summary>Entries in the whole day.</summary>
    [Id(1)] public int TotalCount { get; init; }

    /// <summary>Whether older entries follow this page.</summary>
    [Id(2)] public bool HasNextPage { get; init; }
}
