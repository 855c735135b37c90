using System.Collections.Immutable;

namespace Frontline.Abstractions.Customers;

/// <summary>A page of a customer's journey in time order.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.JourneyPage")]
public sealed record JourneyPage
{
    /// <summary>Entries in the whole journey.</summary>
    [Id(0)] public required int TotalCount { get; init; }

    [Id(1)] public required ImmutableArray<JourneyTouch> Items { get; init; }

    /// <summary>Whether entries follow the last one of this page.</summary>
    [Id(2)] public required bool HasNextPage { get; init; }
}
