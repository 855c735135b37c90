namespace Frontline.Abstractions.Attribution;

/// <summary>What credit is reported by.</summary>
public enum AttributionDimension
{
    /// <summary>By micro-action (e.g. DemoDelivered).</summary>
    Action,

    /// <summary>By channel (e.g. Facebook).</summary>
    Channel,
}
