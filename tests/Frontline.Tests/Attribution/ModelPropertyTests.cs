using CsCheck;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Tests.Attribution;

/// <summary>Properties every model must keep over random journeys (CsCheck; a failure prints the shrunk input and its seed).</summary>
public sealed class ModelPropertyTests
{
    private const double Tolerance = 1e-9;
    private const long Iterations = 300;

    public static TheoryData<AttributionModel> AllModels => [.. Enum.GetValues<AttributionModel>()];

    public static TheoryData<AttributionModel> PerJourneyModels => [.. JourneySummary.PerJourneyModels];

    [Theory]
    [MemberData(nameof(AllModels))]
    public void Build_RandomRecords_CreditsSumToAttributedConversionsAndValue(AttributionModel model)
    {
        JourneyGen.Records.Sample(
            records =>
            {
                var report = AttributionReportBuilder.Build("p", new AttributionQuery { Model = model }, records);

                var attributed = records.Where(r => r.Converted && !r.Touches.IsEmpty).ToList();
                Assert.Equal(attributed.Count, report.Conversions - report.Unattributed);
                Assert.Equal(attributed.Sum(r => r.Value), report.Value - report.UnattributedValue);
                if (model == AttributionModel.Markov && report.RemovalEffects.All(e => e.Effect == 0))
                {
                    // Nothing to normalise: no key changes P(conversion) (only when nothing converted through touches).
                    Assert.Empty(attributed);
                    return;
                }

                AssertClose(attributed.Count, report.Credits.Sum(c => c.Conversions));
                AssertClose((double)attributed.Sum(r => r.Value), report.Credits.Sum(c => c.Value));
            },
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void Build_RandomRecords_SharesSumToOneWhenAnythingIsAttributed(AttributionModel model)
    {
        JourneyGen.Records.Sample(
            records =>
            {
                var report = AttributionReportBuilder.Build("p", new AttributionQuery { Model = model }, records);

                if (report.Conversions == report.Unattributed)
                {
                    Assert.All(report.Credits, c => Assert.Equal(0, c.Share));
                    return;
                }

                Assert.Equal(1, report.Credits.Sum(c => c.Share), Tolerance);
                Assert.All(report.Credits, c => Assert.InRange(c.Share, 0, 1 + Tolerance));
                Assert.Equal(report.Credits.Take(AttributionReportBuilder.ReviewSize).Select(c => c.Key), report.Top.Select(c => c.Key));
            },
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void Build_SingleTouchJourney_TouchGetsEverything(AttributionModel model)
    {
        var gen = Gen.Select(Gen.OneOf(JourneyGen.Channels), Gen.Int[0, (int)JourneyGen.Window.TotalSeconds - 1], Gen.Int[0, 100_000], Gen.Int[0, 3]);
        gen.Sample(
            (channel, age, cents, nulls) =>
            {
                var at = JourneyGen.T0;
                var touch = JourneyGen.Touch(channel, "ContentViewed", at.AddSeconds(-age));
                var records = new List<ConversionRecord> { new() { Id = "conv", CustomerId = "x", At = at, Value = cents / 100m, Touches = [touch] } };
                records.AddRange(Enumerable.Range(0, nulls).Select(i => new ConversionRecord
                {
                    Id = "null:" + i, CustomerId = "n" + i, At = touch.OccurredAt, Value = 0, Converted = false, Touches = [touch],
                }));

                var report = AttributionReportBuilder.Build("p", new AttributionQuery { Model = model }, records);

                var line = Assert.Single(report.Credits);
                Assert.Equal(channel, line.Key);
                Assert.Equal(1, line.Conversions, Tolerance);
                Assert.Equal(cents / 100.0, line.Value, Tolerance);
                Assert.Equal(1, line.Share, Tolerance);
            },
            iter: Iterations);
    }

    [Fact]
    public void MarkovCompute_RandomPaths_ProbabilityAndRemovalEffectsWithinZeroAndOne()
    {
        JourneyGen.Records.Sample(
            records =>
            {
                var paths = records.Where(r => !r.Touches.IsEmpty)
                    .Select(r => new PathCount([.. r.Touches.Select(t => t.Channel)], r.Converted ? 1 : 0, (double)r.Value, r.Converted ? 0 : 1));

                var result = MarkovModel.Compute(paths);

                Assert.InRange(result.ConversionProbability, 0, 1 + Tolerance);
                Assert.All(result.RemovalEffects.Values, e => Assert.InRange(e, -Tolerance, 1 + Tolerance));
                Assert.All(result.Credits.Values, c => Assert.True(c.Conversions >= -Tolerance && c.Value >= -Tolerance, $"negative credit {c}"));
            },
            iter: Iterations);
    }

    [Fact]
    public void ConversionWindowsBuild_ShuffledArrival_IdenticalRecordsAndReportsForEveryModel()
    {
        var gen = Gen.Select(JourneyGen.Journey.Array[1, 3], Gen.Int, Gen.Int[0, 60 * 24]);
        gen.Sample(
            (journeys, seed, nowHours) =>
            {
                var now = JourneyGen.T0.AddHours(nowHours);
                var lead = new HashSet<string> { "FormSubmitted" };
                var random = new Random(seed);
                var inOrder = new List<ConversionRecord>();
                var shuffled = new List<ConversionRecord>();
                for (var c = 0; c < journeys.Length; c++)
                {
                    var (touches, conversions) = journeys[c];
                    var expected = ConversionWindows.Build("cust" + c, touches, conversions, JourneyGen.Window, now, lead);
                    var shuffledTouches = touches.ToArray();
                    var shuffledConversions = conversions.ToArray();
                    random.Shuffle(shuffledTouches);
                    random.Shuffle(shuffledConversions);

                    var actual = ConversionWindows.Build("cust" + c, shuffledTouches, shuffledConversions, JourneyGen.Window, now, lead);

                    Assert.Equal(expected.Records.Select(JourneyGen.Describe), actual.Records.Select(JourneyGen.Describe));
                    Assert.Equal(expected.PendingUntil, actual.PendingUntil);
                    inOrder.AddRange(expected.Records);
                    shuffled.InsertRange(0, actual.Records);
                }

                foreach (var model in Enum.GetValues<AttributionModel>())
                {
                    var query = new AttributionQuery { Model = model };
                    AssertSameReport(AttributionReportBuilder.Build("p", query, inOrder), AttributionReportBuilder.Build("p", query, shuffled));
                }
            },
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(PerJourneyModels))]
    public void Weights_AnyTouches_NonNegativeAndSumToOne(AttributionModel model)
    {
        JourneyGen.Touches.Sample(
            touches =>
            {
                var weights = CreditRules.Weights(model, touches, JourneyGen.T0, HeuristicSettings.Default);

                Assert.Equal(touches.Length, weights.Length);
                Assert.All(weights, w => Assert.True(w >= 0, $"negative weight {w}"));
                Assert.Equal(1, weights.Sum(), Tolerance);
            },
            iter: Iterations);
    }

    [Fact]
    public void Weights_TimeDecay_LaterTouchesWeighMore()
    {
        JourneyGen.Touches.Sample(
            touches =>
            {
                var weights = CreditRules.Weights(AttributionModel.TimeDecay, touches, JourneyGen.T0, HeuristicSettings.Default);

                for (var i = 1; i < touches.Length; i++)
                {
                    if (touches[i].OccurredAt > touches[i - 1].OccurredAt)
                    {
                        Assert.True(weights[i] > weights[i - 1], $"touch {i} is later but weighs {weights[i]} <= {weights[i - 1]}");
                    }
                    else
                    {
                        Assert.Equal(weights[i - 1], weights[i], Tolerance);
                    }
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Weights_TimeDecayOneHalfLifeApart_LaterGetsTwiceAsMuch()
    {
        var at = JourneyGen.T0;
        CreditedTouch[] touches = [JourneyGen.Touch("a", "x", at.AddDays(-7)), JourneyGen.Touch("b", "x", at)];

        var weights = CreditRules.Weights(AttributionModel.TimeDecay, touches, at, HeuristicSettings.Default);

        Assert.Equal([1.0 / 3, 2.0 / 3], weights, (x, y) => Math.Abs(x - y) < Tolerance);
    }

    [Theory]
    [InlineData(1, new[] { 1.0 })]
    [InlineData(2, new[] { 0.5, 0.5 })]
    [InlineData(3, new[] { 0.4, 0.2, 0.4 })]
    [InlineData(4, new[] { 0.4, 0.1, 0.1, 0.4 })]
    [InlineData(6, new[] { 0.4, 0.05, 0.05, 0.05, 0.05, 0.4 })]
    public void Weights_PositionBased_FortyTwentyForty(int n, double[] expected)
    {
        var touches = Enumerable.Range(0, n).Select(i => JourneyGen.Touch("k" + i, "x", JourneyGen.T0.AddHours(i - n))).ToList();

        var weights = CreditRules.Weights(AttributionModel.PositionBased, touches, JourneyGen.T0, HeuristicSettings.Default);

        Assert.Equal(expected, weights, (x, y) => Math.Abs(x - y) < Tolerance);
    }

    /// <summary>Milestones per touch as letters: '-' none, 'L' lead creation, 'O' opportunity opened, 'B' both.</summary>
    [Theory]
    [InlineData("-", new[] { 1.0 })]
    [InlineData("--", new[] { 0.75, 0.25 })]                                // only the first milestone: 75% first / 25% rest
    [InlineData("----", new[] { 0.75, 1.0 / 12, 1.0 / 12, 1.0 / 12 })]
    [InlineData("-L-O-", new[] { 0.3, 0.3, 0.05, 0.3, 0.05 })]              // the full W: 30/30/30 and 10% over the rest
    [InlineData("L-O", new[] { 0.6, 0.1, 0.3 })]                            // lead on the first touch: milestones add
    [InlineData("-B-", new[] { 0.3, 0.6, 0.1 })]                            // lead and opened on one touch add
    [InlineData("-L-", new[] { 3.0 / 7, 3.0 / 7, 1.0 / 7 })]                // no opportunity: its 30% drops out, the rest scales to 100%
    [InlineData("-LO", new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 })]                // no rest: its 10% drops out
    public void Weights_WShaped_DocumentedCases(string milestones, double[] expected)
    {
        var touches = milestones.Select((m, i) => JourneyGen.Touch("k" + i, "x", JourneyGen.T0.AddHours(i - milestones.Length), m switch
        {
            'L' => TouchMilestones.LeadCreation,
            'O' => TouchMilestones.OpportunityOpened,
            'B' => TouchMilestones.LeadCreation | TouchMilestones.OpportunityOpened,
            _ => TouchMilestones.None,
        })).ToList();

        var weights = CreditRules.Weights(AttributionModel.WShaped, touches, JourneyGen.T0, HeuristicSettings.Default);

        Assert.Equal(expected, weights, (x, y) => Math.Abs(x - y) < Tolerance);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static void AssertSameReport(AttributionReport expected, AttributionReport actual)
    {
        Assert.Equal((expected.Conversions, expected.Value, expected.Unattributed, expected.UnattributedValue, expected.Nulls), (actual.Conversions, actual.Value, actual.Unattributed, actual.UnattributedValue, actual.Nulls));
        Assert.Equal(expected.Credits.Select(c => c.Key).Order(StringComparer.Ordinal), actual.Credits.Select(c => c.Key).Order(StringComparer.Ordinal));
        var credits = actual.Credits.ToDictionary(c => c.Key);
        foreach (var line in expected.Credits)
        {
            AssertClose(line.Conversions, credits[line.Key].Conversions);
            AssertClose(line.Value, credits[line.Key].Value);
        }

        Assert.Equal(expected.ConversionProbability.HasValue, actual.ConversionProbability.HasValue);
        AssertClose(expected.ConversionProbability ?? 0, actual.ConversionProbability ?? 0);
        var effects = actual.RemovalEffects.ToDictionary(e => e.Key, e => e.Effect);
        Assert.Equal(expected.RemovalEffects.Length, effects.Count);
        Assert.All(expected.RemovalEffects, e => AssertClose(e.Effect, effects[e.Key]));
    }
}
