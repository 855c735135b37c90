using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Tests.Attribution;

public sealed class MarkovLimitTests
{
    [Fact]
    public void Compute_MoreKeysThanTheLimit_AttributionLimitException()
    {
        var path = Enumerable.Range(0, MarkovModel.MaxKeys + 1).Select(i => $"k{i}").ToImmutableArray();

        var error = Assert.Throws<AttributionLimitException>(() => MarkovModel.Compute([new PathCount(path, 1, 1, 0)]));

        Assert.Contains($"{MarkovModel.MaxKeys + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ChainOfThreeHundredKeys_RemovingAnyKeyBreaksTheOnlyPath()
    {
        var path = Enumerable.Range(0, 300).Select(i => $"k{i}").ToImmutableArray();

        var result = MarkovModel.Compute([new PathCount(path, 2, 10, 1)]);

        Assert.Equal(2.0 / 3, result.ConversionProbability, 9);
        Assert.All(result.RemovalEffects.Values, effect => Assert.Equal(1, effect, 9));
        Assert.Equal(2, result.Credits.Values.Sum(c => c.Conversions), 9);
    }
}
