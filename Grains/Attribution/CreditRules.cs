using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution;

/// <summary>The attribution models, pure: each turns a path of n touches into n weights that sum to 1 (DESIGN §4).</summary>
public static class CreditRules
{
    /// <summary>Weight of each touch of a path of <paramref name="touchCount"/> touches (oldest first).</summary>
    public static double[] Weights(AttributionModel model, int touchCount)
    {
        var weights = new double[touchCount];
        if (touchCount == 0)
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
                Array.Fill(weights, 1.0 / touchCount);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "unknown attribution model");
        }

        return weights;
    }
}
