using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Grains.Attribution;

/// <summary>
/// Running totals over a set of journey records, kept up to date by adding and subtracting single records, so a
/// change costs the size of its own journey. Holds per-journey credit for every per-journey model and dimension,
/// MARKOV's transition counts, SHAPLEY's coalition worths and content combinations. Heat cells are
/// derived on demand.
/// </summary>
public sealed class JourneySummary(HeuristicSettings settings, IReadOnlySet<string> contentActions)
{
    /// <summary>Models whose credit is kept per journey.</summary>
    public static readonly AttributionModel[] PerJourneyModels =
        [.. Enum.GetValues<AttributionModel>().Where(CreditRules.IsPerJourney)];

    private static readonly AttributionDimension[] Dimensions = Enum.GetValues<AttributionDimension>();

    private readonly Dictionary<(AttributionModel, AttributionDimension), Dictionary<string, KeyCredit>> _credits = [];
    private readonly Dictionary<string, (ImmutableArray<string> Actions, int Support, decimal Value)> _combinations = new(StringComparer.Ordinal);
    private readonly Dictionary<AttributionDimension, Dictionary<(string From, string To), double>> _transitions = [];
    private readonly Dictionary<(AttributionDimension, string), (ImmutableArray<string> Players, double Conversions, double Value)> _coalitions = [];

    public int Conversions { get; private set; }
    public decimal Value { get; private set; }
    public int Unattributed { get; private set; }
    public decimal UnattributedValue { get; private set; }
    public int Nulls { get; private set; }
    public int ConvertingTouches { get; private set; }

    /// <summary>A summary of <paramref name="records"/>.</summary>
    public static JourneySummary Of(IEnumerable<ConversionRecord> records, HeuristicSettings settings, IReadOnlySet<string> contentActions)
    {
        var summary = new JourneySummary(settings, contentActions);
        foreach (var record in records)
        {
            summary.Add(record, +1);
        }

        return summary;
    }

    /// <summary>Adds (<paramref name="sign"/> +1) or removes (-1) one record's contribution.</summary>
    public void Add(ConversionRecord record, int sign)
    {
        foreach (var dimension in Dimensions)
        {
            if (!record.Touches.IsDefaultOrEmpty)
            {
                var path = KeysOf(record, dimension);
                if (!_transitions.TryGetValue(dimension, out var transitions))
                {
                    _transitions[dimension] = transitions = [];
                }

                MarkovModel.CountPath(transitions, path, record.Converted ? 1 : 0, record.Converted ? 0 : 1, sign);
                if (record.Converted)
                {
                    var players = ShapleyModel.SetOf(path);
                    var coalitionKey = (dimension, string.Join(" + ", players));
                    var (_, cc, cv) = _coalitions.GetValueOrDefault(coalitionKey);
                    if (cc + sign == 0)
                    {
                        _coalitions.Remove(coalitionKey);
                    }
                    else
                    {
                        _coalitions[coalitionKey] = (players, cc + sign, cv + (sign * (double)record.Value));
                    }
                }
            }
        }

        if (!record.Converted)
        {
            Nulls += sign;
            return;
        }

        Conversions += sign;
        Value += sign * record.Value;
        ConvertingTouches += sign * record.Touches.Length;
        if (record.Touches.IsDefaultOrEmpty)
        {
            Unattributed += sign;
            UnattributedValue += sign * record.Value;
            return;
        }

        foreach (var model in PerJourneyModels)
        {
            var weights = CreditRules.Weights(model, record.Touches, record.At, settings);
            foreach (var dimension in Dimensions)
            {
                if (!_credits.TryGetValue((model, dimension), out var credits))
                {
                    _credits[(model, dimension)] = credits = new Dictionary<string, KeyCredit>(StringComparer.Ordinal);
                }

                for (var i = 0; i < weights.Length; i++)
                {
                    var key = KeyOf(record.Touches[i], dimension);
                    credits[key] = credits.GetValueOrDefault(key).Add(sign * weights[i], sign * weights[i] * (double)record.Value);
                }
            }
        }

        // A converting journey with no content action counts under the empty set: the baseline to compare with.
        var content = record.Touches.Select(t => t.Action).Where(contentActions.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        {
            var comboKey = string.Join("+", content);
            var (_, support, value) = _combinations.GetValueOrDefault(comboKey);
            if (support + sign == 0)
            {
                _combinations.Remove(comboKey);
            }
            else
            {
                _combinations[comboKey] = (content, support + sign, value + (sign * record.Value));
            }
        }
    }

    /// <summary>The parts of this summary a request asks for. Heat needs the records, so it is passed in when wanted.</summary>
    public AttributionSlice Slice(SliceRequest request, IEnumerable<ConversionRecord>? recordsForHeat = null)
    {
        var query = request.Query;
        return new AttributionSlice
        {
            Conversions = Conversions,
            Value = Value,
            Unattributed = Unattributed,
            UnattributedValue = UnattributedValue,
            Nulls = Nulls,
            ConvertingTouches = ConvertingTouches,
            Credits = request.Parts.HasFlag(SliceParts.Credits) && _credits.TryGetValue((query.Model, query.By), out var credits)
                ? [.. credits.Where(kv => !IsZero(kv.Value)).Select(kv => new KeyTally { Key = kv.Key, Conversions = kv.Value.Conversions, Value = kv.Value.Value })]
                : [],
            Combinations = request.Parts.HasFlag(SliceParts.Combinations)
                ? [.. _combinations.Values.Select(c => new ContentCombination { Actions = c.Actions, Support = c.Support, TotalValue = c.Value, AverageValue = c.Value / c.Support })]
                : [],
            Transitions = request.Parts.HasFlag(SliceParts.Transitions) && _transitions.TryGetValue(query.By, out var transitions)
                ? [.. transitions.Select(kv => new TransitionTally { From = kv.Key.From, To = kv.Key.To, Count = kv.Value })]
                : [],
            Coalitions = request.Parts.HasFlag(SliceParts.Coalitions)
                ? [.. _coalitions.Where(kv => kv.Key.Item1 == query.By).Select(kv => new CoalitionTally { Players = kv.Value.Players, Conversions = kv.Value.Conversions, Value = kv.Value.Value })]
                : [],
            Heat = request.Parts.HasFlag(SliceParts.Heat) && recordsForHeat is not null && CreditRules.IsPerJourney(query.Model)
                ? HeatOf(recordsForHeat, query, settings)
                : [],
        };
    }

    /// <summary>Heat cells of converting records: each touch's credit lands in its own hour.</summary>
    public static ImmutableArray<HeatCell> HeatOf(IEnumerable<ConversionRecord> records, AttributionQuery query, HeuristicSettings settings)
    {
        var cells = new Dictionary<(string, long), KeyCredit>();
        foreach (var record in records.Where(r => r.Converted && !r.Touches.IsDefaultOrEmpty))
        {
            var weights = CreditRules.Weights(query.Model, record.Touches, record.At, settings);
            for (var i = 0; i < weights.Length; i++)
            {
                var cell = (KeyOf(record.Touches[i], query.By), AttributionBuckets.HourOf(record.Touches[i].OccurredAt));
                cells[cell] = cells.GetValueOrDefault(cell).Add(weights[i], weights[i] * (double)record.Value);
            }
        }

        return [.. cells.Select(kv => new HeatCell { Key = kv.Key.Item1, HourStart = AttributionBuckets.StartOf(kv.Key.Item2), Conversions = kv.Value.Conversions, Value = kv.Value.Value })];
    }

    public static string KeyOf(CreditedTouch touch, AttributionDimension dimension) =>
        dimension == AttributionDimension.Action ? touch.Action : touch.Channel;

    private static ImmutableArray<string> KeysOf(ConversionRecord record, AttributionDimension dimension) =>
        [.. record.Touches.Select(t => KeyOf(t, dimension))];

    // Subtracting what was added can leave rounding dust instead of an exact zero.
    private static bool IsZero(KeyCredit credit) => Math.Abs(credit.Conversions) < 1e-9 && Math.Abs(credit.Value) < 1e-9;
}
