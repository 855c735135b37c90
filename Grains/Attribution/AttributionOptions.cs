using Frontline.Abstractions.Customers;
using Frontline.Grains.Attribution.Models;

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

    /// <summary>TIME_DECAY half-life.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Actions that create a lead; the first of them on a path is W_SHAPED's lead-creation milestone.</summary>
    public List<string> LeadActions { get; set; } = ["FormSubmitted"];

    /// <summary>Content actions whose combinations marketing compares.</summary>
    public List<string> ContentActions { get; set; } = ["WhitepaperDownloaded", "LivestreamAttended", "DemoDelivered", "ContentViewed", "EmailEngaged"];

    /// <summary>The per-journey model settings these options imply.</summary>
    public HeuristicSettings Heuristics => new() { HalfLife = HalfLife };

    /// <summary>The window of a segment.</summary>
    public TimeSpan WindowOf(Segment segment) => segment == Segment.B2B ? B2BWindow : B2CWindow;
}
