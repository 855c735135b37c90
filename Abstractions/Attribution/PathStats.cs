namespace Frontline.Abstractions.Attribution;

/// <summary>How a scope's journeys ended in a period.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.PathStats")]
public sealed record PathStats
{
    [Id(0)] public required string Scope { get; init; }

    /// <summary>Converting plus null journeys.</summary>
    [Id(1)] public required double Journeys { get; init; }

    [Id(2)] public required double Conversions { get; init; }
    [Id(3)] public required double Nulls { get; init; }

    /// <summary>Touches per converting journey, on average (unattributed conversions count with 0).</summary>
    [Id(4)] public required double AverageTouchesPerConversion { get; init; }
}
