namespace Frontline.Grains.Attribution.Models;

/// <summary>Credit of one key: conversions (fractional) and value.</summary>
public readonly record struct KeyCredit(double Conversions, double Value)
{
    public KeyCredit Add(double conversions, double value) => new(Conversions + conversions, Value + value);
}
