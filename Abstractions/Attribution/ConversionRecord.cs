using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>
/// A conversion with the touches its window credits, in time order. Built by the customer grain, which owns the
/// journey, and kept by the attribution scopes; an empty <see cref="Touches"/> is an unattributed conversion.
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.ConversionRecord")]
public sealed record ConversionRecord
{
    /// <summary>Conversion id: the ContractSigned event id, or <c>opportunity:{id}</c> for a won opportunity.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Converting customer.</summary>
    [Id(1)] public required string CustomerId { get; init; }

    /// <summary>When it converted.</summary>
    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Conversion value.</summary>
    [Id(3)] public required decimal Value { get; init; }

    /// <summary>Unit credited with the conversion, if any.</summary>
    [Id(4)] public string? UnitId { get; init; }

    /// <summary>Touches in the window, oldest first.</summary>
    [Id(5)] public ImmutableArray<CreditedTouch> Touches { get; init; } = [];
}
