using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Attribution;

/// <summary>
/// DESIGN §4 windowing, pure: a conversion at t credits the customer's touches in (t - W, t] that came after the
/// customer's previous conversion. Recomputed from the whole (small) journey each time, so the result does not
/// depend on the order in which events arrived.
/// </summary>
public static class ConversionWindows
{
    /// <summary>
    /// One record per conversion. <paramref name="touches"/> are the customer's touches (conversion actions
    /// excluded), in any order; conversions are processed in time order, ties by id, and a conversion consumes
    /// every touch up to and including its own time.
    /// </summary>
    public static ImmutableArray<ConversionRecord> Build(
        string customerId, IEnumerable<JourneyTouch> touches, IEnumerable<ConversionEvent> conversions, TimeSpan window)
    {
        var ordered = touches.OrderBy(t => t.OccurredAt).ThenBy(t => t.EventId, StringComparer.Ordinal).ToList();
        var records = ImmutableArray.CreateBuilder<ConversionRecord>();
        DateTimeOffset? previous = null;
        foreach (var conversion in conversions.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var windowStart = conversion.At - window;
            var lowerBound = previous is { } p && p > windowStart ? p : windowStart;
            var credited = ordered
                .Where(t => t.OccurredAt > lowerBound && t.OccurredAt <= conversion.At)
                .Select(t => new CreditedTouch { Action = t.Action, Channel = t.Channel, OccurredAt = t.OccurredAt })
                .ToImmutableArray();
            records.Add(new ConversionRecord
            {
                Id = conversion.Id,
                CustomerId = customerId,
                At = conversion.At,
                Value = conversion.Value,
                UnitId = conversion.UnitId,
                Touches = credited,
            });
            previous = conversion.At;
        }

        return records.ToImmutable();
    }
}
