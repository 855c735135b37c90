using System.Globalization;
using System.Text;

namespace Frontline.Abstractions.Customers;

/// <summary>
/// Opaque cursors over a journey: a touch's place in time order (time, then event id), so a page boundary stays
/// put when late events are inserted before it.
/// </summary>
public static class JourneyCursor
{
    public static string Encode(JourneyTouch touch) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(touch.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + touch.EventId));

    /// <summary>The position a cursor names, or null when it is not one of ours.</summary>
    public static (long Ticks, string EventId)? Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (ticks, text[(colon + 1)..])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
