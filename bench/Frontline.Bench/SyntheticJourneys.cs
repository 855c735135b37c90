using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Events;

namespace Frontline.Bench;

/// <summary>
/// Deterministic synthetic journeys over one fixed 30-day period: 5 channels, 1-6 touches within the 7 days
/// before the conversion, values 1-100, about 30% null journeys. The same seed always gives the same data.
/// </summary>
public static class SyntheticJourneys
{
    public const int Days = 30;

    public const int Hours = Days * 24;

    public const double NullShare = 0.3;

    public static readonly DateTimeOffset PeriodStart = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset PeriodEnd = PeriodStart.AddHours(Hours);

    public static readonly ImmutableArray<string> Channels = ["Search", "Social", "Email", "Expo", "WeCom"];

    private static readonly ImmutableArray<string> Actions =
        ["FormSubmitted", "ContentViewed", "WhitepaperDownloaded", "LivestreamAttended", "EmailEngaged", "DemoDelivered", "TrialRequested", "ProposalSent"];

    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>
    /// <paramref name="count"/> journey records in time order, hour by hour across the period, cut into batches
    /// of <paramref name="batchSize"/>, so one batch touches as few hour buckets as possible.
    /// </summary>
    public static IEnumerable<ImmutableArray<ConversionRecord>> RecordBatches(string idPrefix, int count, int seed, int batchSize)
    {
        var random = new Random(seed);
        var batch = ImmutableArray.CreateBuilder<ConversionRecord>(batchSize);
        for (var i = 0; i < count; i++)
        {
            var hour = (int)((long)i * Hours / count);
            batch.Add(Record(random, $"{idPrefix}-{i}", PeriodStart.AddHours(hour).AddSeconds(random.Next(3600))));
            if (batch.Count == batchSize)
            {
                yield return batch.DrainToImmutable();
            }
        }

        if (batch.Count > 0)
        {
            yield return batch.DrainToImmutable();
        }
    }

    /// <summary>
    /// The touch events of one fresh customer who converts once: 1-6 touches in the 7 days before a
    /// <see cref="StandardActions.ContractSigned"/> at a random time in the period.
    /// </summary>
    public static ImmutableArray<TouchEnvelope> CustomerEvents(Random random, string customerId)
    {
        var at = PeriodStart.AddSeconds(random.NextInt64((long)(PeriodEnd - PeriodStart).TotalSeconds));
        var events = ImmutableArray.CreateBuilder<TouchEnvelope>();
        foreach (var (touch, k) in Touches(random, at, converted: true).Select((t, k) => (t, k)))
        {
            events.Add(new TouchEnvelope
            {
                EventId = $"{customerId}:t{k}",
                CustomerId = customerId,
                Action = touch.Action,
                Channel = touch.Channel,
                OccurredAt = touch.OccurredAt,
                Source = "bench",
            });
        }

        events.Add(Won(random, customerId, at));
        return events.ToImmutable();
    }

    /// <summary>
    /// A customer's 90-day journey: <paramref name="touches"/> touches spread at random over the 90 days before
    /// a <see cref="StandardActions.ContractSigned"/> at a random time in the period (spread, so no hour bucket
    /// collects every customer's record), all in the past, so no window is still open and no reminder pending.
    /// </summary>
    public static ImmutableArray<TouchEnvelope> NinetyDayJourney(Random random, string customerId, int touches)
    {
        var at = PeriodStart.AddSeconds(random.NextInt64((long)(PeriodEnd - PeriodStart).TotalSeconds));
        var events = ImmutableArray.CreateBuilder<TouchEnvelope>(touches + 1);
        for (var k = 0; k < touches; k++)
        {
            events.Add(new TouchEnvelope
            {
                EventId = $"{customerId}:j{k}",
                CustomerId = customerId,
                Action = Actions[random.Next(Actions.Length)],
                Channel = Channels[random.Next(Channels.Length)],
                OccurredAt = at.AddSeconds(-random.NextInt64(1, (long)TimeSpan.FromDays(90).TotalSeconds)),
                Source = "bench",
            });
        }

        events.Add(Won(random, customerId, at));
        return events.ToImmutable();
    }

    /// <summary>The signed contract that closes a synthetic journey, with a value of 1-100.</summary>
    private static TouchEnvelope Won(Random random, string customerId, DateTimeOffset at) => new()
    {
        EventId = $"{customerId}:won",
        CustomerId = customerId,
        Action = StandardActions.ContractSigned,
        Channel = "Direct",
        OccurredAt = at,
        Source = "bench",
        Value = random.Next(1, 101),
    };

    private static ConversionRecord Record(Random random, string id, DateTimeOffset anchor)
    {
        var converted = random.NextDouble() >= NullShare;
        var touches = Touches(random, anchor, converted);
        return converted
            ? new ConversionRecord { Id = id, CustomerId = "customer/" + id, At = anchor, Value = random.Next(1, 101), Touches = touches }
            : new ConversionRecord { Id = "null:" + id, CustomerId = "customer/" + id, At = touches[^1].OccurredAt, Value = 0, Touches = touches, Converted = false };
    }

    /// <summary>1-6 touches, oldest first, in the 7 days up to <paramref name="anchor"/>; a null journey's last touch is the anchor itself.</summary>
    private static ImmutableArray<CreditedTouch> Touches(Random random, DateTimeOffset anchor, bool converted)
    {
        var ages = Enumerable.Range(0, random.Next(1, 7)).Select(_ => TimeSpan.FromSeconds(random.NextDouble() * Lookback.TotalSeconds)).ToArray();
        if (!converted)
        {
            ages[0] = TimeSpan.Zero;
        }

        return
        [
            .. ages.OrderDescending().Select(age => new CreditedTouch
            {
                Action = Actions[random.Next(Actions.Length)],
                Channel = Channels[random.Next(Channels.Length)],
                OccurredAt = anchor - age,
            }),
        ];
    }
}
