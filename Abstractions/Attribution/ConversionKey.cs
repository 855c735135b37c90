namespace Frontline.Abstractions.Attribution;

/// <summary>Identifies a stored conversion record: its id and time (the time names its hour bucket).</summary>
[GenerateSerializer, Immutable, Alias("Frontline.ConversionKey")]
public sealed record ConversionKey
{
    /// <summary>Conversion id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Conversion time.</summary>
    [Id(1)] public required DateTimeOffset At { get; init; }
}
