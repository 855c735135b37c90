using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>
/// A journey of a customer as attribution sees it: a conversion with the touches its window credits, in time
/// order (an empty <see cref="Touches"/> is an unattributed conversion), or, with <see cref="Converted"/> false,
/// a null journey: touches whose window passed without a conversion (DESIGN §4). Built by the customer grain,
/// which owns the journey, and kept by the attribution scopes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.ConversionRecord")]
public sealed record ConversionRecord
{
    /// <summary>The ContractSigned event id, <c>opportunity:{id}</c> for a won opportunity, <c>null:{first event id}</c> for a null journey.</summary>
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

    /// <summary>False for a null journey; then <see cref="At"/> is its last touch and <see cref="Value"/> 0.</summary>
    [Id(6)] public bool Converted { get; init; } = true;
}
