namespace Frontline.Abstractions.Customers;

/// <summary>Business segment of a customer; it selects the attribution window (B2B 90 days, B2C 7 days by default).</summary>
public enum Segment
{
    /// <summary>Business customer (long cycles).</summary>
    B2B,

    /// <summary>Consumer (short cycles).</summary>
    B2C,
}
