using System.Collections.Immutable;

namespace Frontline.Tests.Storage;

/// <summary>State shaped like Frontline's: a sealed record with required init members, immutable collections, enum, time and money.</summary>
public sealed record SampleState
{
    public required string Name { get; init; }

    public required SampleStatus Status { get; init; }

    public required decimal Amount { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    public ImmutableDictionary<string, int> Counts { get; init; } = ImmutableDictionary<string, int>.Empty;

    public string? Note { get; init; }
}
