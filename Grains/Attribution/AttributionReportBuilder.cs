using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution;

/// <summary>Pure aggregation of conversion records into a report: totals, credit per key, shares, top and bottom 3.</summary>
public static class AttributionReportBuilder
{
    /// <summary>How many keys the weekly review looks at, at each end.</summary>
    public const int ReviewSize = 3;

    /// <summary>Builds the report over the records whose time lies in the query's <c>[From, To)</c>.</summary>
    public static AttributionReport Build(string scope, AttributionQuery query, IEnumerable<ConversionRecord> records)
    {
        var credits = new Dictionary<string, (double Conversions, double Value)>(StringComparer.Ordinal);
        int conversions = 0, unattributed = 0;
        decimal value = 0, unattributedValue = 0;
        foreach (var record in records)
        {
            if (!InPeriod(record.At, query))
            {
                continue;
            }

            conversions++;
            value += record.Value;
            if (record.Touches.IsDefaultOrEmpty)
            {
                unattributed++;
                unattributedValue += record.Value;
                continue;
            }

            var weights = CreditRules.Weights(query.Model, record.Touches.Length);
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] == 0)
                {
                    continue;
                }

                var touch = record.Touches[i];
                var key = query.By == AttributionDimension.Action ? touch.Action : touch.Channel;
                var (c, v) = credits.GetValueOrDefault(key);
                credits[key] = (c + weights[i], v + (weights[i] * (double)record.Value));
            }
        }

        var attributed = conversions - unattributed;
        var lines = credits
            .Select(kv => new CreditLine
            {
                Key = kv.Key,
                Conversions = kv.Value.Conversions,
                Value = kv.Value.Value,
                Share = attributed == 0 ? 0 : kv.Value.Conversions / attributed,
            })
            .ToList();

        return new AttributionReport
        {
            Scope = scope,
            Model = query.Model,
            By = query.By,
            From = query.From,
            To = query.To,
            Conversions = conversions,
            Value = value,
            Unattributed = unattributed,
            UnattributedValue = unattributedValue,
            Credits = [.. OrderHighestFirst(lines)],
            Top = [.. OrderHighestFirst(lines).Take(ReviewSize)],
            Bottom = [.. lines.OrderBy(l => l.Value).ThenBy(l => l.Conversions).ThenBy(l => l.Key, StringComparer.Ordinal).Take(ReviewSize)],
        };
    }

    /// <summary>Whether a conversion time falls in the half-open period of the query.</summary>
    public static bool InPeriod(DateTimeOffset at, AttributionQuery query) =>
        (query.From is not { } from || at >= from) && (query.To is not { } to || at < to);

    private static IOrderedEnumerable<CreditLine> OrderHighestFirst(IEnumerable<CreditLine> lines) =>
        lines.OrderByDescending(l => l.Value).ThenByDescending(l => l.Conversions).ThenBy(l => l.Key, StringComparer.Ordinal);
}
