namespace Frontline.Abstractions.Attribution;

/// <summary>Credit earned by one key in one UTC hour of the credited touches.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.HeatCell")]
public sealed record HeatCell
{
    [Id(0)] public required string Key { get; init; }

    /// <summary>Start of the hour of the credited touches.</summary>
    [Id(1)] public required DateTimeOffset HourStart { get; init; }

    [Id(2)] public required double Conversions { get; init; }
    [Id(3)] public required double Value { get; init; }
}
