namespace Frontline.Abstractions.Attribution;

/// <summary>How a conversion's credit is split over the touches in its window (DESIGN §4).</summary>
public enum AttributionModel
{
    /// <summary>All credit to the earliest touch.</summary>
    FirstTouch,

    /// <summary>All credit to the latest touch.</summary>
    LastTouch,

    /// <summary>Equal credit per touch; repeats count.</summary>
    Linear,
}
