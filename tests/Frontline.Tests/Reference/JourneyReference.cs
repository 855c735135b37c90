using System.Globalization;
using Frontline.Abstractions.Attribution;

namespace Frontline.Tests.Reference;

/// <summary>
/// An independent attribution by channel over the journey file (DESIGN §4), for end-to-end comparison with the
/// server: plain string splitting and a direct reading of the rule, sharing no code with the product.
/// </summary>
public static class JourneyReference
{
    /// <summary>The B2C attribution window.</summary>
    public static readonly TimeSpan B2CWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Credits each conversion with time in [<paramref name="from"/>, <paramref name="to"/>) to the customer's
    /// impressions in (max(t - window, previous conversion time), t]. A customer's conversions are taken in time order
    /// (ties by row order), whatever the period, since an earlier conversion consumes touches even outside it.
    /// First touch credits the earliest impression, last touch the latest (ties by row order), linear 1/n to each.
    /// </summary>
    public static JourneyReferenceResult Compute(string path, DateTimeOffset from, DateTimeOffset to, AttributionModel model, TimeSpan? window = null)
    {
        var w = window ?? B2CWindow;
        var impressions = new Dictionary<string, List<(DateTimeOffset Time, int Row, string Channel)>>();
        var conversions = new Dictionary<string, List<(DateTimeOffset Time, int Row, double Value)>>();
        var row = 0;
        foreach (var f in ReferenceCsv.Rows(path))
        {
            row++;
            var (customer, channel) = (f[0], f[5]);
            var time = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (f[2] == "impression")
            {
                Get(impressions, customer).Add((time, row, channel));
            }
            else if (f[2] == "conversion")
            {
                Get(conversions, customer).Add((time, row, double.Parse(f[4], CultureInfo.InvariantCulture)));
            }
            else
            {
                throw new InvalidDataException($"row {row}: interaction '{f[2]}'");
            }
        }

        var credit = new Dictionary<string, ChannelCredit>(StringComparer.Ordinal);
        int count = 0, unattributed = 0;
        double value = 0, unattributedValue = 0;
        foreach (var (customer, customerConversions) in conversions)
        {
            var touches = impressions.TryGetValue(customer, out var list)
                ? list.OrderBy(t => t.Time).ThenBy(t => t.Row).ToList()
                : [];
            DateTimeOffset? previous = null;
            foreach (var conversion in customerConversions.OrderBy(c => c.Time).ThenBy(c => c.Row))
            {
                var lower = conversion.Time - w;
                if (previous is { } p && p > lower) lower = p;
                previous = conversion.Time;
                if (conversion.Time < from || conversion.Time >= to) continue;

                count++;
                value += conversion.Value;
                var inWindow = touches.Where(t => t.Time > lower && t.Time <= conversion.Time).ToList();
                if (inWindow.Count == 0)
                {
                    unattributed++;
                    unattributedValue += conversion.Value;
                    continue;
                }

                switch (model)
                {
                    case AttributionModel.FirstTouch:
                        Add(credit, inWindow[0].Channel, 1, conversion.Value);
                        break;
                    case AttributionModel.LastTouch:
                        Add(credit, inWindow[^1].Channel, 1, conversion.Value);
                        break;
                    case AttributionModel.Linear:
                        foreach (var touch in inWindow) Add(credit, touch.Channel, 1.0 / inWindow.Count, conversion.Value / inWindow.Count);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(model), model, "reference covers first, last and linear only");
                }
            }
        }

        return new JourneyReferenceResult(count, value, unattributed, unattributedValue, credit);
    }

    private static List<T> Get<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }

    private static void Add(Dictionary<string, ChannelCredit> credit, string channel, double conversions, double value)
    {
        var current = credit.GetValueOrDefault(channel, new ChannelCredit(0, 0));
        credit[channel] = new ChannelCredit(current.Conversions + conversions, current.Value + value);
    }
}
