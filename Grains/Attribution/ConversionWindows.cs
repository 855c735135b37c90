using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Grains.Customers;

namespace Frontline.Grains.Attribution;

/// <summary>
/// DESIGN §4 windowing, pure. A conversion at t credits the customer's touches in (t - W, t] that came after the
/// customer's previous conversion; conversions are taken in time order (ties by id) and each consumes every touch
/// up to its own time. Touches no conversion credited form null journeys: a run of them is cut where W passes
/// between two or a conversion falls between, and it counts once its window has passed (or a later conversion
/// shows it did not convert). Recomputed from the whole (small) journey each time, so the result does not depend
/// on the order in which events arrived.
/// </summary>
public static class ConversionWindows
{
    public static JourneyPartition Build(
        string customerId,
        IEnumerable<JourneyTouch> touches,
        IEnumerable<ConversionEvent> conversions,
        TimeSpan window,
        DateTimeOffset now,
        IReadOnlySet<string>? leadActions = null)
    {
        var ordered = InTimeOrder(touches);
        var leadIndex = leadActions is null ? -1 : ordered.FindIndex(t => leadActions.Contains(t.Action));
        var consumed = new bool[ordered.Count];
        var records = ImmutableArray.CreateBuilder<ConversionRecord>();
        var conversionTimes = new List<DateTimeOffset>();
        DateTimeOffset? previous = null;
        foreach (var conversion in conversions.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var windowStart = conversion.At - window;
            var lowerBound = previous is { } p && p > windowStart ? p : windowStart;
            var credited = new List<int>();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].OccurredAt > lowerBound && ordered[i].OccurredAt <= conversion.At)
                {
                    credited.Add(i);
                }
            }

            var openedIndex = conversion.OpenedAt is { } opened ? credited.LastOrDefault(i => ordered[i].OccurredAt <= opened, -1) : -1;
            foreach (var i in credited)
            {
                consumed[i] = true;
            }

            records.Add(new ConversionRecord
            {
                Id = conversion.Id,
                CustomerId = customerId,
                At = conversion.At,
                Value = conversion.Value,
                UnitId = conversion.UnitId,
                Touches = [.. credited.Select(i => Credited(ordered[i], (i == leadIndex ? TouchMilestones.LeadCreation : 0) | (i == openedIndex ? TouchMilestones.OpportunityOpened : 0)))],
            });
            conversionTimes.Add(conversion.At);
            previous = conversion.At;
        }

        var pendingUntil = NullJourneys(customerId, ordered, consumed, conversionTimes, window, now, records);
        return new JourneyPartition(records.ToImmutable(), pendingUntil);
    }

    /// <summary>
    /// The touches by time, ties by event id. A customer's journey is kept in that order already, so this is one check
    /// on the hot path (it runs on every sync); other input is sorted stably, so equal keys keep their order.
    /// </summary>
    private static List<JourneyTouch> InTimeOrder(IEnumerable<JourneyTouch> touches)
    {
        // A list the caller built for this call is used as it is (Build only reads it).
        var list = touches as List<JourneyTouch> ?? [.. touches];
        for (var i = 1; i < list.Count; i++)
        {
            if (Journey.TimeOrder.Compare(list[i - 1], list[i]) > 0)
            {
                return [.. list.OrderBy(t => t.OccurredAt).ThenBy(t => t.EventId, StringComparer.Ordinal)];
            }
        }

        return list;
    }

    /// <summary>Adds the null journeys to <paramref name="records"/>; returns when the open one (if any) closes.</summary>
    private static DateTimeOffset? NullJourneys(
        string customerId, List<JourneyTouch> ordered, bool[] consumed, List<DateTimeOffset> conversionTimes, TimeSpan window, DateTimeOffset now,
        ImmutableArray<ConversionRecord>.Builder records)
    {
        var group = new List<JourneyTouch>(ordered.Count);
        DateTimeOffset? pendingUntil = null;

        void Close()
        {
            if (group.Count == 0)
            {
                return;
            }

            var last = group[^1].OccurredAt;
            if ((conversionTimes.Count > 0 && conversionTimes[^1] > last) || now >= last + window)
            {
                records.Add(new ConversionRecord
                {
                    Id = "null:" + group[0].EventId,
                    CustomerId = customerId,
                    At = last,
                    Value = 0,
                    Converted = false,
                    Touches = [.. group.Select(t => Credited(t, TouchMilestones.None))],
                });
            }
            else
            {
                pendingUntil = last + window;
            }

            group.Clear();
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            if (consumed[i])
            {
                continue;
            }

            if (group.Count > 0)
            {
                var previous = group[^1].OccurredAt;
                var gapTooLong = ordered[i].OccurredAt - previous > window;
                var conversionBetween = AnyBetween(conversionTimes, previous, ordered[i].OccurredAt);
                if (gapTooLong || conversionBetween)
                {
                    Close();
                }
            }

            group.Add(ordered[i]);
        }

        Close();
        return pendingUntil;
    }

    /// <summary>Whether any of <paramref name="ascending"/> lies strictly between <paramref name="after"/> and <paramref name="before"/>.</summary>
    private static bool AnyBetween(List<DateTimeOffset> ascending, DateTimeOffset after, DateTimeOffset before)
    {
        // Binary search for the first time after `after`; no delegate, as this runs for every touch of every sync.
        int low = 0, high = ascending.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ascending[mid] > after)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low < ascending.Count && ascending[low] < before;
    }

    private static CreditedTouch Credited(JourneyTouch touch, TouchMilestones milestones) =>
        new() { Action = touch.Action, Channel = touch.Channel, OccurredAt = touch.OccurredAt, Milestones = milestones };
}
