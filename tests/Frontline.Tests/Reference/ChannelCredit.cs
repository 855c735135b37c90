namespace Frontline.Tests.Reference;

/// <summary>Credit one channel earned under a model: conversions (fractional under linear) and value.</summary>
public sealed record ChannelCredit(double Conversions, double Value);
