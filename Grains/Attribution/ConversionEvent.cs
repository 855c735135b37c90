namespace Frontline.Grains.Attribution;

/// <summary>
/// A conversion of a customer as input to windowing: a signed contract or a won opportunity. <paramref name="OpenedAt"/>
/// is when the opportunity behind it was opened, if known (W_SHAPED's milestone).
/// </summary>
public sealed record ConversionEvent(string Id, DateTimeOffset At, decimal Value, string? UnitId, DateTimeOffset? OpenedAt = null);
