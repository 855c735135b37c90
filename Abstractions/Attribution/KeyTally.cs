namespace Frontline.Abstractions.Attribution;

/// <summary>Credit of one key inside a slice: fractional conversions and value.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.KeyTally")]
public sealed record KeyTally
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required double Conversions { get; init; }
    [Id(2)] public required double Value { get; init; }
}
