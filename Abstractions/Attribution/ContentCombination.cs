using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>A set of content actions that converting journeys went through, how many did (support) and the value they brought.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.ContentCombination")]
public sealed record ContentCombination
{
    /// <summary>The content actions, sorted by name.</summary>
    [Id(0)] public required ImmutableArray<string> Actions { get; init; }

    /// <summary>Converting journeys whose content actions were exactly this set.</summary>
    [Id(1)] public required int Support { get; init; }

    [Id(2)] public required decimal TotalValue { get; init; }

    /// <summary>Average conversion value of those journeys.</summary>
    [Id(3)] public required decimal AverageValue { get; init; }
}
