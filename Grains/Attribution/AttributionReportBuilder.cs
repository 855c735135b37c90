using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Grains.Attribution;

/// <summary>
/// Pure assembly of the views from the slices of a scope's hour buckets (and imported paths): the report with
/// totals, credit per key, shares, top and bottom 3; the heat map; path statistics; content combinations.
/// </summary>
public static class AttributionReportBuilder
{
    /// <summary>How many keys the weekly review looks at, at each end.</summary>
    public const int ReviewSize = 3;

    /// <summary>The slice parts a report with <paramref name="model"/> needs.</summary>
    public static SliceParts PartsFor(AttributionModel model) => model switch
    {
        AttributionModel.Markov => SliceParts.Transitions,
        AttributionModel.Shapley => SliceParts.Coalitions,
        _ => SliceParts.Credits,
    };

    /// <summary>Report straight from records (tests, small sets): the records in the period are summarised first.</summary>
    public static AttributionReport Build(string scope, AttributionQuery query, IEnumerable<ConversionRecord> records, HeuristicSettings? settings = null)
    {
        var summary = JourneySummary.Of(records.Where(r => InPeriod(r.At, query)), settings ?? HeuristicSettings.Default, new HashSet<string>());
        return Build(scope, query, [summary.Slice(new SliceRequest { Query = query, Parts = PartsFor(query.Model) })]);
    }

    /// <summary>The report over merged slices.</summary>
    public static AttributionReport Build(string scope, AttributionQuery query, IReadOnlyCollection<AttributionSlice> slices)
    {
        var conversions = slices.Sum(s => s.Conversions);
        var unattributed = slices.Sum(s => s.Unattributed);
        var attributed = conversions - unattributed;
        double? probability = null;
        ImmutableArray<RemovalEffect> effects = [];
        IReadOnlyDictionary<string, KeyCredit> credits;
        switch (query.Model)
        {
            case AttributionModel.Markov:
                MarkovResult markov;
                var transitions = MergeTransitions(slices);
                var converted = transitions.Where(t => t.Key.To == MarkovModel.ConversionState).Sum(t => t.Value);
                markov = MarkovModel.Compute(transitions, converted, (double)slices.Sum(s => s.Value - s.UnattributedValue));
                probability = markov.ConversionProbability;
                effects = [.. markov.RemovalEffects.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new RemovalEffect { Key = e.Key, Effect = e.Value })];
                credits = markov.Credits;
                break;
            case AttributionModel.Shapley:
                credits = ShapleyModel.Compute(slices.SelectMany(s => s.Coalitions).Select(c => new CoalitionWorth(c.Players, c.Conversions, c.Value)));
                break;
            default:
                credits = MergeCredits(slices);
                break;
        }

        var creditedConversions = credits.Values.Sum(c => c.Conversions);
        var lines = credits
            .Where(kv => Math.Abs(kv.Value.Conversions) > 1e-12 || Math.Abs(kv.Value.Value) > 1e-12)
            .Select(kv => new CreditLine
            {
                Key = kv.Key,
                Conversions = kv.Value.Conversions,
                Value = kv.Value.Value,
                Share = creditedConversions == 0 ? 0 : kv.Value.Conversions / creditedConversions,
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
            Value = slices.Sum(s => s.Value),
            Unattributed = unattributed,
            UnattributedValue = slices.Sum(s => s.UnattributedValue),
            Nulls = slices.Sum(s => s.Nulls),
            Credits = [.. OrderHighestFirst(lines)],
            Top = [.. OrderHighestFirst(lines).Take(ReviewSize)],
            Bottom = [.. lines.OrderBy(l => l.Value).ThenBy(l => l.Conversions).ThenBy(l => l.Key, StringComparer.Ordinal).Take(ReviewSize)],
            ConversionProbability = probability,
            RemovalEffects = effects,
        };
    }

    /// <summary>
    /// Heat cells from merged slices. For MARKOV and SHAPLEY, which credit keys rather than touches, each key's
    /// model credit is spread over hours in proportion to that key's LINEAR credit in each hour.
    /// </summary>
    public static ImmutableArray<HeatCell> Heatmap(AttributionModel model, IReadOnlyCollection<AttributionSlice> linearHeat, IReadOnlyDictionary<string, KeyCredit>? modelCredits)
    {
        var cells = linearHeat.SelectMany(s => s.Heat)
            .GroupBy(c => (c.Key, c.HourStart))
            .Select(g => new HeatCell { Key = g.Key.Key, HourStart = g.Key.HourStart, Conversions = g.Sum(c => c.Conversions), Value = g.Sum(c => c.Value) })
            .ToList();
        if (modelCredits is not null)
        {
            var totals = cells.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => (Conversions: g.Sum(c => c.Conversions), Value: g.Sum(c => c.Value)));
            cells = [.. cells.Select(c =>
            {
                var credit = modelCredits.GetValueOrDefault(c.Key);
                var total = totals[c.Key];
                return c with
                {
                    Conversions = total.Conversions == 0 ? 0 : credit.Conversions * c.Conversions / total.Conversions,
                    Value = total.Value == 0 ? 0 : credit.Value * c.Value / total.Value,
                };
            })];
        }

        return [.. cells.OrderBy(c => c.HourStart).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>Journeys, conversions, nulls and touches per conversion over merged slices.</summary>
    public static PathStats Stats(string scope, IReadOnlyCollection<AttributionSlice> slices)
    {
        var conversions = slices.Sum(s => s.Conversions);
        var nulls = slices.Sum(s => s.Nulls);
        return new PathStats
        {
            Scope = scope,
            Journeys = conversions + nulls,
            Conversions = conversions,
            Nulls = nulls,
            AverageTouchesPerConversion = conversions == 0 ? 0 : (double)slices.Sum(s => s.ConvertingTouches) / conversions,
        };
    }

    /// <summary>Content combinations over merged slices, highest average value first, then support, then name.</summary>
    public static ImmutableArray<ContentCombination> Combinations(IReadOnlyCollection<AttributionSlice> slices, int minimumSupport) =>
    [
        .. slices.SelectMany(s => s.Combinations)
            .GroupBy(c => string.Join("+", c.Actions), StringComparer.Ordinal)
            .Select(g =>
            {
                var support = g.Sum(c => c.Support);
                var value = g.Sum(c => c.TotalValue);
                return new ContentCombination { Actions = g.First().Actions, Support = support, TotalValue = value, AverageValue = support == 0 ? 0 : value / support };
            })
            .Where(c => c.Support >= minimumSupport)
            .OrderByDescending(c => c.AverageValue).ThenByDescending(c => c.Support).ThenBy(c => string.Join("+", c.Actions), StringComparer.Ordinal),
    ];

    /// <summary>
    /// A slice from aggregated paths imported into a scope (no times, no milestones): per-journey models credit
    /// each path's conversions by position, TIME_DECAY sees equal ages (so it equals LINEAR), and W_SHAPED has only
    /// its first-touch milestone. Imported paths are CHANNEL paths.
    /// </summary>
    public static AttributionSlice FromImportedPaths(IReadOnlyCollection<PathTally> paths, AttributionQuery query, HeuristicSettings settings)
    {
        if (query.By != AttributionDimension.Channel)
        {
            // Imported paths name channels only: by ACTION the same journeys count, none attributable.
            var conversions = (int)Math.Round(paths.Sum(p => p.Conversions));
            var value = (decimal)paths.Sum(p => p.Value);
            return new AttributionSlice
            {
                Conversions = conversions,
                Value = value,
                Unattributed = conversions,
                UnattributedValue = value,
                Nulls = (int)Math.Round(paths.Sum(p => p.Nulls)),
            };
        }

        var credits = new Dictionary<string, KeyCredit>(StringComparer.Ordinal);
        if (CreditRules.IsPerJourney(query.Model))
        {
            var at = DateTimeOffset.UnixEpoch;
            foreach (var path in paths.Where(p => p.Conversions != 0 && !p.Path.IsDefaultOrEmpty))
            {
                var touches = path.Path.Select(k => new CreditedTouch { Action = k, Channel = k, OccurredAt = at }).ToList();
                var weights = CreditRules.Weights(query.Model, touches, at, settings);
                for (var i = 0; i < weights.Length; i++)
                {
                    credits[path.Path[i]] = credits.GetValueOrDefault(path.Path[i]).Add(weights[i] * path.Conversions, weights[i] * path.Value);
                }
            }
        }

        return new AttributionSlice
        {
            // Aggregated files carry fractional-free counts; totals are whole journeys.
            Conversions = (int)Math.Round(paths.Sum(p => p.Conversions)),
            Value = (decimal)paths.Sum(p => p.Value),
            Nulls = (int)Math.Round(paths.Sum(p => p.Nulls)),
            ConvertingTouches = (int)Math.Round(paths.Sum(p => p.Conversions * p.Path.Length)),
            // Like the journey summaries, list only keys with credit (FIRST_TOUCH gives later touches exactly 0).
            Credits = [.. credits.Where(kv => kv.Value != default).Select(kv => new KeyTally { Key = kv.Key, Conversions = kv.Value.Conversions, Value = kv.Value.Value })],
            Transitions = [.. TransitionsOf(paths)],
            Coalitions = [.. paths.Where(p => p.Conversions != 0 || p.Value != 0)
                .GroupBy(p => string.Join(" + ", ShapleyModel.SetOf(p.Path)), StringComparer.Ordinal)
                .Select(g => new CoalitionTally { Players = ShapleyModel.SetOf(g.First().Path), Conversions = g.Sum(p => p.Conversions), Value = g.Sum(p => p.Value) })],
        };
    }

    private static IEnumerable<TransitionTally> TransitionsOf(IEnumerable<PathTally> paths)
    {
        var counts = new Dictionary<(string From, string To), double>();
        foreach (var path in paths)
        {
            MarkovModel.CountPath(counts, path.Path, path.Conversions, path.Nulls, sign: 1);
        }

        return counts.Select(kv => new TransitionTally { From = kv.Key.From, To = kv.Key.To, Count = kv.Value });
    }

    /// <summary>Whether a conversion time falls in the half-open period of the query.</summary>
    public static bool InPeriod(DateTimeOffset at, AttributionQuery query) =>
        (query.From is not { } from || at >= from) && (query.To is not { } to || at < to);

    /// <summary>MARKOV's transition counts summed over slices.</summary>
    public static IReadOnlyDictionary<(string From, string To), double> MergeTransitions(IEnumerable<AttributionSlice> slices)
    {
        var counts = new Dictionary<(string From, string To), double>();
        foreach (var t in slices.SelectMany(s => s.Transitions))
        {
            counts[(t.From, t.To)] = counts.GetValueOrDefault((t.From, t.To)) + t.Count;
        }

        return counts;
    }

    public static IReadOnlyDictionary<string, KeyCredit> MergeCredits(IEnumerable<AttributionSlice> slices)
    {
        var credits = new Dictionary<string, KeyCredit>(StringComparer.Ordinal);
        foreach (var tally in slices.SelectMany(s => s.Credits))
        {
            credits[tally.Key] = credits.GetValueOrDefault(tally.Key).Add(tally.Conversions, tally.Value);
        }

        return credits;
    }

    private static IOrderedEnumerable<CreditLine> OrderHighestFirst(IEnumerable<CreditLine> lines) =>
        lines.OrderByDescending(l => l.Value).ThenByDescending(l => l.Conversions).ThenBy(l => l.Key, StringComparer.Ordinal);
}
