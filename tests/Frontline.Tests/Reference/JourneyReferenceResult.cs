namespace Frontline.Tests.Reference;

/// <summary>Attribution of a period's conversions by channel, computed straight from the journey CSV.</summary>
/// <param name="Conversions">Conversions with time in the period.</param>
/// <param name="Value">Their total conversion value.</param>
/// <param name="Unattributed">Conversions without an impression in their window (counted, not credited).</param>
/// <param name="UnattributedValue">Value of the unattributed conversions.</param>
/// <param name="ByChannel">Credit per channel; channels that earned nothing are absent.</param>
public sealed record JourneyReferenceResult(
    int Conversions,
    double Value,
    int Unattributed,
    double UnattributedValue,
    IReadOnlyDictionary<string, ChannelCredit> ByChannel);
