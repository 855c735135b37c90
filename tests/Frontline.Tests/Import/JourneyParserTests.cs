using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Silo.Import;
using Frontline.Tests.Reference;

namespace Frontline.Tests.Import;

public sealed class JourneyParserTests
{
    private static readonly Lazy<JourneyImport> Shared = new(() => JourneyParser.Parse(SharedData.JourneysFile));

    [Fact]
    public void Parse_SharedJourneys_Gives62483TouchesOf7896B2CCustomers()
    {
        var journeys = Shared.Value;

        Assert.Empty(journeys.BadRows);
        Assert.Equal(62_483, journeys.Touches.Length);
        Assert.Equal(7_896, journeys.Customers.Length);
        Assert.All(journeys.Customers, c => Assert.Equal(Segment.B2C, c.Item.Segment));
        Assert.Equal(7_896, journeys.Touches.Select(t => t.Item.CustomerId).Distinct().Count());
    }

    [Fact]
    public void Parse_SharedJourneys_Gives1838ContractsWorth11423Point5()
    {
        var touches = Shared.Value.Touches.Select(t => t.Item).ToList();
        var contracts = touches.Where(t => t.Action == StandardActions.ContractSigned).ToList();

        Assert.Equal(1_838, contracts.Count);
        Assert.Equal(11_423.5m, contracts.Sum(t => t.Value));
        Assert.Equal(60_645, touches.Count(t => t.Action == StandardActions.ContentViewed));
        Assert.All(touches.Where(t => t.Action == StandardActions.ContentViewed), t => Assert.Null(t.Value));
        Assert.All(touches, t => Assert.Equal("mta-journeys", t.Source));
    }

    [Fact]
    public void Parse_SharedJourneys_FirstRowMapsEveryField()
    {
        var first = Shared.Value.Touches[0];

        Assert.Equal(("attribution_data.csv", 2), (first.File, first.Line));
        Assert.Equal("A000100", first.Item.CustomerId);
        Assert.Equal(StandardActions.ContentViewed, first.Item.Action);
        Assert.Equal("Online Display", first.Item.Channel);
        Assert.Equal(new DateTimeOffset(2018, 7, 22, 20, 40, 41, TimeSpan.Zero), first.Item.OccurredAt);
        Assert.Matches("^mta-[0-9a-f]{16}-0$", first.Item.EventId);
    }

    [Fact]
    public void Parse_SharedJourneysTwice_GivesTheSameUniqueEventIds()
    {
        var again = JourneyParser.Parse(SharedData.JourneysFile);
        var first = Shared.Value.Touches.Select(t => t.Item.EventId).ToList();
        var second = again.Touches.Select(t => t.Item.EventId).ToList();

        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Parse_IdenticalRows_GetDistinctIdsThatSurviveReordering()
    {
        using var files = new TempFiles();
        const string header = "customer_id,time,interaction,conversion,conversion_value,channel";
        const string row = "A1,2018-07-02T10:00:00Z,impression,0,0,Facebook";
        const string other = "A2,2018-07-03T10:00:00Z,conversion,1,4.50,Instagram";
        var ids = JourneyParser.Parse(files.Write("a.csv", header, row, row, other)).Touches.Select(t => t.Item.EventId).ToList();
        var moved = JourneyParser.Parse(files.Write("b.csv", header, other, row, row)).Touches.Select(t => t.Item.EventId).ToList();

        Assert.Equal(ids[0][..^2], ids[1][..^2]);
        Assert.EndsWith("-0", ids[0]);
        Assert.EndsWith("-1", ids[1]);
        Assert.Equal([ids[2], ids[0], ids[1]], moved);
    }
}
