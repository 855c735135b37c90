using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Grains.Attribution;

/// <summary>
/// The per-journey attribution models, pure: each turns the touches of one converting journey (oldest first)
/// into weights that sum to 1 (DESIGN §4). MARKOV and SHAPLEY are not per journey: see <see cref="MarkovModel"/>
/// and <see cref="ShapleyModel"/>.
/// </summary>
public static class CreditRules
{
    public const double PositionEnds = 0.4, PositionMiddle = 0.2;
    public const double WShapedMilestone = 0.3, WShapedRest = 0.1;

    /// <summary>Whether a model credits each journey on its own (rather than from the whole scope's paths).</summary>
    public static bool IsPerJourney(AttributionModel model) => model is not (AttributionModel.Markov or AttributionModel.Shapley);

    /// <summary>Weight of each touch; <paramref name="convertedAt"/> is the conversion time (TIME_DECAY ages).</summary>
    public static double[] Weights(AttributionModel model, IReadOnlyList<CreditedTouch> touches, DateTimeOffset convertedAt, HeuristicSettings settings)
    {
        var n = touches.Count;
        var weights = new double[n];
        if (n == 0)
        {
            return weights;
        }

        switch (model)
        {
            case AttributionModel.FirstTouch:
                weights[0] = 1;
                break;
            case AttributionModel.LastTouch:
                weights[^1] = 1;
                break;
            case AttributionModel.Linear:
                // Repeats count: A > A > B gives A two thirds.
                Array.Fill(weights, 1.0 / n);
                break;
            case AttributionModel.PositionBased:
                PositionBased(weights);
                break;
            case AttributionModel.TimeDecay:
                TimeDecay(weights, touches, convertedAt, settings.HalfLife);
                break;
            case AttributionModel.WShaped:
                WShaped(weights, touches);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "not a per-journey model");
        }

        return weights;
    }

    private static void PositionBased(double[] weights)
    {
        var n = weights.Length;
        if (n <= 2)
        {
            Array.Fill(weights, 1.0 / n);
            return;
        }

        Array.Fill(weights, PositionMiddle / (n - 2));
        weights[0] = PositionEnds;
        weights[^1] = PositionEnds;
    }

    private static void TimeDecay(double[] weights, IReadOnlyList<CreditedTouch> touches, DateTimeOffset convertedAt, TimeSpan halfLife)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            var age = Math.Max(0, (convertedAt - touches[i].OccurredAt).TotalSeconds);
            weights[i] = Math.Pow(2, -age / halfLife.TotalSeconds);
        }

        Normalise(weights);
    }

    /// <summary>
    /// 30% to the first touch, 30% to the lead-creation touch, 30% to the last touch before the opportunity
    /// opened, 10% split over the other touches. Milestones on the same touch add up. A missing milestone (no lead
    /// action in the window, no opportunity behind the conversion) or an empty rest drops out, and the remaining
    /// weights are scaled back to 100%: with no milestone but the first, W_SHAPED is 75% first / 25% rest.
    /// </summary>
    private static void WShaped(double[] weights, IReadOnlyList<CreditedTouch> touches)
    {
        weights[0] += WShapedMilestone;
        var lead = Last(touches, TouchMilestones.LeadCreation);
        if (lead >= 0)
        {
            weights[lead] += WShapedMilestone;
        }

        var opened = Last(touches, TouchMilestones.OpportunityOpened);
        if (opened >= 0)
        {
            weights[opened] += WShapedMilestone;
        }

        var rest = Enumerable.Range(0, weights.Length).Where(i => i != 0 && i != lead && i != opened).ToList();
        foreach (var i in rest)
        {
            weights[i] += WShapedRest / rest.Count;
        }

        Normalise(weights);
    }

    private static int Last(IReadOnlyList<CreditedTouch> touches, TouchMilestones milestone)
    {
        for (var i = touches.Count - 1; i >= 0; i--)
        {
            if (touches[i].Milestones.HasFlag(milestone))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Normalise(double[] weights)
    {
        var sum = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
    }
}
