namespace Frontline.Grains.Attribution;

/// <summary>A conversion of a customer as input to windowing: a signed contract or a won opportunity.</summary>
public sealed record ConversionEvent(string Id, DateTimeOffset At, decimal Value, string? UnitId);
