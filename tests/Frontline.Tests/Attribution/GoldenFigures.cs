using Frontline.Abstractions.Attribution;

namespace Frontline.Tests.Attribution;

/// <summary>
/// The expected figures of ../shared/golden/attribution.md, per case and model: every key's credit (a key missing
/// here must get no credit). Rows marked "derived" are not printed in the file; they follow by hand from the
/// DESIGN §4 definitions and the file's paths, and are kept so every model is pinned on every case.
/// </summary>
public static class GoldenFigures
{
    public static readonly IReadOnlyList<(string Case, AttributionModel Model, IReadOnlyDictionary<string, double> Credits)> Credits =
    [
        ("A", AttributionModel.FirstTouch, new Dictionary<string, double> { ["A"] = 3 }),
        ("A", AttributionModel.LastTouch, new Dictionary<string, double> { ["A"] = 3 }),
        ("A", AttributionModel.Linear, new Dictionary<string, double> { ["A"] = 2.1, ["B"] = 0.9 }),

        // Derived: 40/20/40 on the six-, five- and two-touch paths gives A .85 + 13/15 + 1, B .15 + 2/15.
        ("A", AttributionModel.PositionBased, new Dictionary<string, double> { ["A"] = 163.0 / 60, ["B"] = 17.0 / 60 }),
        ("A", AttributionModel.Markov, new Dictionary<string, double> { ["A"] = 2, ["B"] = 1 }),

        // Derived: touch sets {A,B} x2 and {A} split equally.
        ("A", AttributionModel.Shapley, new Dictionary<string, double> { ["A"] = 2, ["B"] = 1 }),

        ("B", AttributionModel.FirstTouch, new Dictionary<string, double> { ["direct"] = 2, ["search"] = 8 }),
        ("B", AttributionModel.LastTouch, new Dictionary<string, double> { ["direct"] = 2, ["email"] = 8 }),
        ("B", AttributionModel.Linear, new Dictionary<string, double> { ["direct"] = 2, ["search"] = 19.0 / 6, ["email"] = 19.0 / 6, ["social"] = 5.0 / 3 }),
        ("B", AttributionModel.PositionBased, new Dictionary<string, double> { ["direct"] = 2, ["search"] = 3.5, ["email"] = 3.5, ["social"] = 1 }),
        ("B", AttributionModel.Markov, new Dictionary<string, double> { ["direct"] = 70.0 / 81, ["search"] = 280.0 / 81, ["email"] = 280.0 / 81, ["social"] = 20.0 / 9 }),
        ("B", AttributionModel.Shapley, new Dictionary<string, double> { ["direct"] = 2, ["search"] = 19.0 / 6, ["email"] = 19.0 / 6, ["social"] = 5.0 / 3 }),

        // Derived: C prints only its Markov figures; the heuristics and Shapley follow from its two paths.
        ("C", AttributionModel.FirstTouch, new Dictionary<string, double> { ["a"] = 4 }),
        ("C", AttributionModel.LastTouch, new Dictionary<string, double> { ["b"] = 3, ["c"] = 1 }),
        ("C", AttributionModel.Linear, new Dictionary<string, double> { ["a"] = 2, ["b"] = 1.5, ["c"] = 0.5 }),
        ("C", AttributionModel.PositionBased, new Dictionary<string, double> { ["a"] = 2, ["b"] = 1.5, ["c"] = 0.5 }),
        ("C", AttributionModel.Markov, new Dictionary<string, double> { ["a"] = 2, ["b"] = 1.5, ["c"] = 0.5 }),
        ("C", AttributionModel.Shapley, new Dictionary<string, double> { ["a"] = 2, ["b"] = 1.5, ["c"] = 0.5 }),
    ];

    public static readonly IReadOnlyList<(string Case, double ConversionProbability, IReadOnlyDictionary<string, double> RemovalEffects)> Markov =
    [
        ("A", 1, new Dictionary<string, double> { ["A"] = 1, ["B"] = 0.5 }),
        ("B", 10.0 / 17, new Dictionary<string, double> { ["direct"] = 1.0 / 5, ["search"] = 4.0 / 5, ["email"] = 4.0 / 5, ["social"] = 18.0 / 35 }),
        ("C", 2.0 / 3, new Dictionary<string, double> { ["a"] = 1, ["b"] = 0.75, ["c"] = 0.25 }),
    ];

    /// <summary>The rows of a case by name.</summary>
    public static (string Path, int Conversions, int Nulls)[] Rows(string goldenCase) => goldenCase switch
    {
        "A" => GoldenPaths.CaseA,
        "B" => GoldenPaths.CaseB,
        "C" => GoldenPaths.CaseC,
        _ => throw new ArgumentOutOfRangeException(nameof(goldenCase), goldenCase, "no such golden case"),
    };

    /// <summary>(case, model) pairs with expected credits, for theories.</summary>
    public static TheoryData<string, AttributionModel> CreditCases()
    {
        var data = new TheoryData<string, AttributionModel>();
        foreach (var (goldenCase, model, _) in Credits)
        {
            data.Add(goldenCase, model);
        }

        return data;
    }

    public static IReadOnlyDictionary<string, double> CreditsOf(string goldenCase, AttributionModel model) =>
        Credits.Single(c => c.Case == goldenCase && c.Model == model).Credits;
}
