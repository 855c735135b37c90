using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;

namespace Frontline.Grains.Customers;

/// <summary>Pure journey keeping: time order (ties by event id) whatever the order of arrival, and no event id twice.</summary>
public static class Journey
{
    /// <summary>The journey entry of an accepted envelope: its time in UTC, the envelope's source left behind.</summary>
    public static JourneyTouch EntryOf(TouchEnvelope touch) => new()
    {
        EventId = touch.EventId,
        Action = touch.Action,
        Channel = touch.Channel,
        OccurredAt = touch.OccurredAt.ToUniversalTime(),
        Value = touch.Value,
        OpportunityId = touch.OpportunityId,
    };

    /// <summary>Orders journey entries: by time, then by event id so equal times have one stable order.</summary>
    public static readonly Comparer<JourneyTouch> TimeOrder = Comparer<JourneyTouch>.Create((a, b) =>
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.EventId, b.EventId);
    });

    /// <summary>
    /// Inserts <paramref name="touch"/> in time order unless its event id is already in <paramref name="seenIds"/>;
    /// returns false for a duplicate. <paramref name="seenIds"/> is updated.
    /// </summary>
    public static bool TryInsert(ImmutableArray<JourneyTouch>.Builder journey, HashSet<string> seenIds, JourneyTouch touch)
    {
        if (!seenIds.Add(touch.EventId))
        {
            return false;
        }

        journey.Insert(InsertionIndex(journey, touch), touch);
        return true;
    }

    /// <summary>Up to <paramref name="first"/> entries that sort after <paramref name="after"/> (from the start when null).</summary>
    public static JourneyPage Page(ImmutableArray<JourneyTouch> journey, int first, (long Ticks, string EventId)? after)
    {
        var start = 0;
        if (after is { } position)
        {
            var marker = new JourneyTouch { EventId = position.EventId, Action = "", Channel = "", OccurredAt = new DateTimeOffset(position.Ticks, TimeSpan.Zero) };
            while (start < journey.Length && TimeOrder.Compare(journey[start], marker) <= 0)
            {
                start++;
            }
        }

        var items = journey.Skip(start).Take(first).ToImmutableArray();
        return new JourneyPage { TotalCount = journey.Length, Items = items, HasNextPage = start + items.Length < journey.Length };
    }

    /// <summary>First index whose entry sorts after <paramref name="touch"/> (binary search; the builder has none).</summary>
    private static int InsertionIndex(ImmutableArray<JourneyTouch>.Builder journey, JourneyTouch touch)
    {
        int low = 0, high = journey.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (TimeOrder.Compare(journey[mid], touch) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
