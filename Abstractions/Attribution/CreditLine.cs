namespace Frontline.Abstractions.Attribution;

/// <summary>Credit earned by one key (an action or a channel): fractional conversions, credited value and share.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.CreditLine")]
public sealed record CreditLine
{
    /// <summary>Action or channel name.</summary>
    [Id(0)] public required string Key { get; init; }

    /// <summary>Conversions credited (fractional under multi-touch models).</summary>
    [Id(1)] public required double Conversions { get; init; }

    /// <summary>Conversion value credited.</summary>
    [Id(2)] public required double Value { get; init; }

    /// <summary>Share of attributed conversions, 0..1; the shares of a report sum to 1.</summary>
    [Id(3)] public required double Share { get; init; }
}
