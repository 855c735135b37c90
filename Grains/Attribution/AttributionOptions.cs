using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Attribution;

/// <summary>Attribution settings (section <c>Frontline:Attribution</c>): the look-back window per segment.</summary>
public sealed class AttributionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Frontline:Attribution";

    /// <summary>Window of B2B customers (long sales cycles).</summary>
    public TimeSpan B2BWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Window of B2C customers.</summary>
    public TimeSpan B2CWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Segment assumed for a customer known only from touches, until it is registered.</summary>
    public Segment DefaultSegment { get; set; } = Segment.B2C;

    /// <summary>The window of a segment.</summary>
    public TimeSpan WindowOf(Segment segment) => segment == Segment.B2B ? B2BWindow : B2CWindow;
}
