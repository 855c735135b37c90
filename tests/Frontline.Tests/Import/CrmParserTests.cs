using Frontline.Abstractions.Opportunities;
using Frontline.Silo.Import;
using Frontline.Tests.Reference;

namespace Frontline.Tests.Import;

public sealed class CrmParserTests
{
    private static readonly Lazy<CrmImport> Shared = new(() => CrmParser.Parse(SharedData.CrmDirectory));

    [Fact]
    public void Parse_SharedExport_HasNoBadRows()
    {
        Assert.Empty(Shared.Value.BadRows);
    }

    [Fact]
    public void Parse_SharedExport_GivesSixUnitsOfFiveOrSixAgents()
    {
        var units = Shared.Value.Units.Select(u => u.Item).ToDictionary(u => u.Id);

        Assert.Equal(6, units.Count);
        Assert.Equal(5, units["dustin-brinkmann"].Members.Length);
        Assert.Equal(6, units["melvin-marxen"].Members.Length);
        Assert.Equal(6, units["cara-losch"].Members.Length);
        Assert.Equal(6, units["celia-rouche"].Members.Length);
        Assert.Equal(6, units["rocco-neubert"].Members.Length);
        Assert.Equal(6, units["summer-sewald"].Members.Length);
        Assert.Equal(35, units.Values.Sum(u => u.Members.Length));
        Assert.All(units.Values.SelectMany(u => u.Members), m => Assert.Equal("sales", m.Role));
    }

    [Fact]
    public void Parse_SharedExport_UnitKeepsManagerRegionAndAgentOrder()
    {
        var unit = Shared.Value.Units.Single(u => u.Item.Id == "dustin-brinkmann");

        Assert.Equal("Dustin Brinkmann", unit.Item.Name);
        Assert.Equal("Central", unit.Item.Region);
        Assert.Equal("Anna Snelling", unit.Item.Members[0].Name);
        Assert.Equal("Cecily Lampkin", unit.Item.Members[1].Name);
        Assert.Equal(("sales_teams.csv", 2), (unit.File, unit.Line));
    }

    [Fact]
    public void Parse_SharedExport_Gives85B2BCustomersWithSourceSpelling()
    {
        var customers = Shared.Value.Customers.Select(c => c.Item).ToList();

        Assert.Equal(85, customers.Count);
        var acme = customers.Single(c => c.Id == "Acme Corporation");
        Assert.Equal(Abstractions.Customers.Segment.B2B, acme.Segment);
        Assert.Equal("technolgy", acme.Industry);
        Assert.Equal("United States", acme.Region);
        Assert.Equal("Acme Corporation", acme.Name);
    }

    [Fact]
    public void Parse_SharedExport_Gives8800OpportunitiesWithSourceStageCounts()
    {
        var opportunities = Shared.Value.Opportunities.Select(o => o.Item).ToList();

        Assert.Equal(8_800, opportunities.Count);
        Assert.Equal(4_238, opportunities.Count(o => o.Stage == OpportunityStage.Won));
        Assert.Equal(2_473, opportunities.Count(o => o.Stage == OpportunityStage.Lost));
        Assert.Equal(1_589, opportunities.Count(o => o.Stage == OpportunityStage.Engaging));
        Assert.Equal(500, opportunities.Count(o => o.Stage == OpportunityStage.Prospecting));
        Assert.Equal(10_005_534m, opportunities.Where(o => o.Stage == OpportunityStage.Won).Sum(o => o.CloseValue));
        Assert.Equal(1_425, opportunities.Count(o => o.CustomerId is null));
    }

    [Fact]
    public void Parse_SharedExport_FirstRowMapsEveryField()
    {
        var first = Shared.Value.Opportunities[0];

        Assert.Equal(("sales_pipeline.csv", 2), (first.File, first.Line));
        Assert.Equal(new ImportOpportunityCommand
        {
            Id = "1C1I7A6R",
            UnitId = "dustin-brinkmann",
            CustomerId = "Cancity",
            Owner = "Moses Frase",
            Product = "GTX Plus Basic",
            Amount = 1_096m,
            Stage = OpportunityStage.Won,
            EngagedAt = new DateTimeOffset(2016, 10, 20, 0, 0, 0, TimeSpan.Zero),
            ClosedAt = new DateTimeOffset(2017, 3, 1, 0, 0, 0, TimeSpan.Zero),
            CloseValue = 1_054m,
        }, first.Item);
    }

    [Fact]
    public void Parse_SharedExport_GtxProFindsItsPriceDespiteTheSpace()
    {
        var gtxPro = Shared.Value.Opportunities.Select(o => o.Item).Where(o => o.Product == "GTXPro").ToList();

        Assert.NotEmpty(gtxPro);
        Assert.All(gtxPro, o => Assert.Equal(4_821m, o.Amount));
        Assert.DoesNotContain(Shared.Value.Opportunities, o => o.Item.Product is not null && o.Item.Amount is null);
    }

    [Fact]
    public void Parse_SharedExport_OpenOpportunitiesHaveNoCloseFacts()
    {
        var open = Shared.Value.Opportunities.Select(o => o.Item)
            .Where(o => o.Stage is OpportunityStage.Engaging or OpportunityStage.Prospecting).ToList();

        Assert.All(open, o => Assert.Null(o.ClosedAt));
        Assert.All(open, o => Assert.Null(o.CloseValue));
        Assert.All(open.Where(o => o.Stage == OpportunityStage.Prospecting), o => Assert.Null(o.EngagedAt));
    }
}
