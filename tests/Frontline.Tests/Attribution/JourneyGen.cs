using System.Collections.Immutable;
using CsCheck;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Grains.Attribution;

namespace Frontline.Tests.Attribution;

/// <summary>
/// CsCheck generators for the model property tests: conversion records over a small alphabet (1-8 touches in the
/// window, values >= 0, some nulls, some unattributed), and raw customer journeys for <see cref="ConversionWindows"/>.
/// </summary>
public static class JourneyGen
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public static readonly DateTimeOffset T0 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Channels = ["a", "b", "c", "d", "e"];

    public static readonly string[] Actions = ["FormSubmitted", "ContentViewed", "DemoDelivered", "EmailEngaged"];

    private static readonly int WindowSeconds = (int)Window.TotalSeconds;

    /// <summary>A touch as (channel, action, seconds before the conversion, milestones).</summary>
    private static readonly Gen<(string Channel, string Action, int Age, TouchMilestones Milestones)> TouchSpec =
        Gen.Select(Gen.OneOf(Channels), Gen.OneOf(Actions), Gen.Int[0, WindowSeconds - 1], Gen.Int[0, 3], (c, a, age, m) => (c, a, age, (TouchMilestones)m));

    /// <summary>One record: a conversion (one in ten without touches) or a null journey; value in cents, 0 to 1000.00.</summary>
    public static readonly Gen<ConversionRecord> Record =
        from touchCount in Gen.Int[1, 8]
        from specs in TouchSpec.Array[touchCount]
        from kind in Gen.Int[0, 9]
        from cents in Gen.Int[0, 100_000]
        from hour in Gen.Int[0, 24 * 30]
        select MakeRecord(specs, kind, cents, hour);

    /// <summary>Sets of 1 to 30 records with distinct ids.</summary>
    public static readonly Gen<ConversionRecord[]> Records =
        Record.Array[1, 30].Select(records => records.Select((r, i) => r with { Id = (r.Converted ? "conv:" : "null:") + i, CustomerId = "customer-" + i }).ToArray());

    /// <summary>Touch times for the weight properties: 1 to 20 touches, oldest first, within the window before T0, with milestones.</summary>
    public static readonly Gen<CreditedTouch[]> Touches =
        TouchSpec.Array[1, 20].Select(specs => specs.OrderByDescending(s => s.Age).Select(s => Touch(s.Channel, s.Action, T0.AddSeconds(-s.Age), s.Milestones)).ToArray());

    /// <summary>A raw customer journey: 0-12 touches and 0-3 conversions within 40 days, on an hour grid so times tie.</summary>
    public static readonly Gen<(JourneyTouch[] Touches, ConversionEvent[] Conversions)> Journey =
        from touches in Gen.Select(Gen.OneOf(Channels), Gen.OneOf(Actions), Gen.Int[0, 40 * 24]).Array[0, 12]
        from conversions in Gen.Select(Gen.Int[0, 40 * 24], Gen.Int[0, 100_000], Gen.Int[-1, 10 * 24]).Array[0, 3]
        select (
            touches.Select((t, i) => new JourneyTouch { EventId = "e" + i, Channel = t.Item1, Action = t.Item2, OccurredAt = T0.AddHours(t.Item3) }).ToArray(),
            conversions.Select((c, i) => new ConversionEvent("c" + i, T0.AddHours(c.Item1), c.Item2 / 100m, null, c.Item3 < 0 ? null : T0.AddHours(c.Item1 - c.Item3))).ToArray());

    public static CreditedTouch Touch(string channel, string action, DateTimeOffset at, TouchMilestones milestones = TouchMilestones.None) =>
        new() { Channel = channel, Action = action, OccurredAt = at, Milestones = milestones };

    /// <summary>A record as a comparable string: ImmutableArray compares by reference, so records are compared through this.</summary>
    public static string Describe(ConversionRecord r) =>
        $"{r.Id}|{r.CustomerId}|{r.At:O}|{r.Value}|{r.UnitId}|{r.Converted}|" +
        string.Join(",", r.Touches.Select(t => $"{t.Channel}/{t.Action}/{t.OccurredAt:O}/{t.Milestones}"));

    private static ConversionRecord MakeRecord((string Channel, string Action, int Age, TouchMilestones Milestones)[] specs, int kind, int cents, int hour)
    {
        var at = T0.AddHours(hour);
        var touches = specs.OrderByDescending(s => s.Age).Select(s => Touch(s.Channel, s.Action, at.AddSeconds(-s.Age), s.Milestones)).ToImmutableArray();
        return kind switch
        {
            // A null journey: no value, its time is its last touch.
            <= 2 => new ConversionRecord { Id = "", CustomerId = "", At = touches[^1].OccurredAt, Value = 0, Converted = false, Touches = touches.Select(t => t with { Milestones = TouchMilestones.None }).ToImmutableArray() },
            3 => new ConversionRecord { Id = "", CustomerId = "", At = at, Value = cents / 100m, Touches = [] },
            _ => new ConversionRecord { Id = "", CustomerId = "", At = at, Value = cents / 100m, Touches = touches },
        };
    }
}
