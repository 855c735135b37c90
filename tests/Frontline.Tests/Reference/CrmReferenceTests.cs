using Xunit.Abstractions;

namespace Frontline.Tests.Reference;

public sealed class CrmReferenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Compute_SharedCrmExport_MatchesSourceFacts()
    {
        var units = CrmReference.Compute(SharedData.CrmDirectory);
        foreach (var (id, c) in units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{id}: opportunities {c.Opportunities}, won {c.Won}, lost {c.Lost}, open {c.Open}, won value {c.WonValue}");
        }

        // Totals from the data set's SOURCE.md, checked independently of this code.
        Assert.Equal(6, units.Count);
        Assert.Equal(8_800, units.Values.Sum(u => u.Opportunities));
        Assert.Equal(4_238, units.Values.Sum(u => u.Won));
        Assert.Equal(2_473, units.Values.Sum(u => u.Lost));
        Assert.Equal(1_589 + 500, units.Values.Sum(u => u.Open));
        Assert.Equal(10_005_534m, units.Values.Sum(u => u.WonValue));
        Assert.All(units.Values, u => Assert.Equal(u.Opportunities, u.Won + u.Lost + u.Open));
    }

    [Theory]
    [InlineData("cara-losch", 964, 480, 265, 219, 1_130_049)]
    [InlineData("celia-rouche", 1_296, 610, 352, 334, 1_603_897)]
    [InlineData("dustin-brinkmann", 1_583, 747, 439, 397, 1_094_363)]
    [InlineData("melvin-marxen", 1_929, 882, 536, 511, 2_251_930)]
    [InlineData("rocco-neubert", 1_327, 691, 422, 214, 1_960_545)]
    [InlineData("summer-sewald", 1_701, 828, 459, 414, 1_964_750)]
    public void Compute_SharedCrmExport_UnitCountsArePinned(string unit, int opportunities, int won, int lost, int open, int wonValue)
    {
        // Pinned so that a change to the reference itself shows up; a cross-check in Python gave the same numbers.
        var counts = CrmReference.Compute(SharedData.CrmDirectory)[unit];

        Assert.Equal(new UnitReferenceCounts(opportunities, won, lost, open, wonValue), counts);
    }
}
