using Frontline.Abstractions.Events;
using Frontline.Abstractions.Opportunities;
using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class BadRowTests : IDisposable
{
    private readonly TempFiles _files = new();

    public BadRowTests()
    {
        _files.Write("sales_teams.csv",
            "sales_agent,manager,regional_office",
            "Ann Agent,Mia Manager,East",
            "Bob Agent,Mia Manager,East");
        _files.Write("accounts.csv",
            "account,sector,year_established,revenue,employees,office_location,subsidiary_of",
            "Acme,retail,1990,1.5,10,Kenya,");
        _files.Write("products.csv",
            "product,series,sales_price",
            "GTX Pro,GTX,4821");
    }

    [Fact]
    public void Parse_PipelineWithBadRows_ReportsFileLineAndColumnAndKeepsTheRest()
    {
        _files.Write("sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
            "OK1,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-03,100",
            "BAD1,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-30,100",
            "BAD2,Bob Agent,GTXPro,,Lost,2017-01-02,2017-02-03,abc",
            "BAD3,Bob Agent,GTXPro,,Stalled,2017-01-02,,",
            "BAD4,Zed Stranger,GTXPro,,Engaging,2017-01-02,,",
            "OK2,Bob Agent,Unknown Thing,,Prospecting,,,");

        var crm = CrmParser.Parse(_files.Directory);

        Assert.Equal(
            [
                "sales_pipeline.csv:3: close_date: '2017-02-30' is not a yyyy-MM-dd date",
                "sales_pipeline.csv:4: close_value: 'abc' is not a number",
                "sales_pipeline.csv:5: deal_stage: 'Stalled' is not one of Prospecting, Engaging, Won, Lost",
                "sales_pipeline.csv:6: sales_agent: 'Zed Stranger' is not in sales_teams.csv",
            ],
            crm.BadRows.Select(b => b.ToString()));
        Assert.All(crm.BadRows, b => Assert.Equal(ImportKind.Opportunities, b.Kind));
        Assert.Equal(["OK1", "OK2"], crm.Opportunities.Select(o => o.Item.Id));
        Assert.Equal([2, 7], crm.Opportunities.Select(o => o.Line));
        Assert.Equal(4_821m, crm.Opportunities[0].Item.Amount);
        Assert.Null(crm.Opportunities[1].Item.Amount);
        Assert.Equal(OpportunityStage.Prospecting, crm.Opportunities[1].Item.Stage);
    }

    [Fact]
    public void Parse_ClosedWithoutCloseFactsOrNegativeValue_ReportsTheColumn()
    {
        _files.Write("sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
            "A,Ann Agent,GTXPro,Acme,Won,2017-01-02,,100",
            "B,Ann Agent,GTXPro,Acme,Lost,2017-01-02,2017-02-03,",
            "C,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-03,-1",
            "D,Ann Agent,GTXPro,Acme,Won,02/01/2017,2017-02-03,1",
            "A,Ann Agent,GTXPro,Acme,Lost,2017-01-02,2017-02-03,0",
            "E,Ann Agent,GTXPro,Acme,Lost,2017-01-02,2017-02-03,0");

        var crm = CrmParser.Parse(_files.Directory);

        Assert.Equal(
            [
                "sales_pipeline.csv:2: close_date: required for a Won opportunity",
                "sales_pipeline.csv:3: close_value: required for a Lost opportunity",
                "sales_pipeline.csv:4: close_value: '-1' is negative",
                "sales_pipeline.csv:5: engage_date: '02/01/2017' is not a yyyy-MM-dd date",
            ],
            crm.BadRows.Select(b => b.ToString()));
        Assert.Equal(["A", "E"], crm.Opportunities.Select(o => o.Item.Id));
        Assert.Equal(0m, crm.Opportunities[1].Item.CloseValue);
    }

    [Fact]
    public void Parse_MissingColumn_ThrowsWithFileAndColumn()
    {
        _files.Write("sales_pipeline.csv", "opportunity_id,sales_agent", "A,Ann Agent");

        var error = Assert.Throws<ImportInputException>(() => CrmParser.Parse(_files.Directory));

        Assert.Equal("sales_pipeline.csv:1: column 'product' not found in the header", error.Message);
    }

    [Fact]
    public void Parse_JourneyWithBadRows_ReportsFileLineAndColumnAndKeepsTheRest()
    {
        var path = _files.Write("journeys.csv",
            "customer_id,time,interaction,conversion,conversion_value,channel",
            "C1,2018-07-01T10:00:00Z,impression,0,0,Facebook",
            "C1,2018-07-01T11:00:00Z,click,0,0,Facebook",
            "C2,2018-07-01T12:00:00Z,conversion,1,-2,Instagram",
            "C3,2018-07-01T12:00:00Z,conversion,1,abc,Instagram",
            "C4,2018-07-01,impression,0,0,Instagram",
            "C5,2018-07-02T08:30:00Z,conversion,1,5.5,Paid Search",
            "C6,2018-07-02T08:30:00Z,impression,0,0");

        var journeys = JourneyParser.Parse(path);

        Assert.Equal(
            [
                "journeys.csv:3: interaction: 'click' is not impression or conversion",
                "journeys.csv:4: conversion_value: '-2' is negative",
                "journeys.csv:5: conversion_value: 'abc' is not a number",
                "journeys.csv:6: time: '2018-07-01' is not an ISO-8601 time with Z or an offset",
                "journeys.csv:8: channel: empty",
            ],
            journeys.BadRows.Select(b => b.ToString()));
        Assert.Equal(["C1", "C5"], journeys.Customers.Select(c => c.Item.Id));
        Assert.Equal([2, 7], journeys.Touches.Select(t => t.Line));
        var contract = journeys.Touches[1].Item;
        Assert.Equal(StandardActions.ContractSigned, contract.Action);
        Assert.Equal(5.5m, contract.Value);
        Assert.Equal("Paid Search", contract.Channel);
    }

    [Fact]
    public void Parse_TeamsWithRepeatedAgent_ReportsTheLaterLine()
    {
        _files.Write("sales_teams.csv",
            "sales_agent,manager,regional_office",
            "Ann Agent,Mia Manager,East",
            "Ann Agent,Other Manager,West",
            "Bob Agent,Mia Manager,West");
        _files.Write("sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value");

        var crm = CrmParser.Parse(_files.Directory);

        Assert.Equal(
            [
                "sales_teams.csv:3: sales_agent: 'Ann Agent' already listed on line 2",
                "sales_teams.csv:4: regional_office: 'West' differs from 'East' on line 2",
            ],
            crm.BadRows.Select(b => b.ToString()));
        var unit = Assert.Single(crm.Units).Item;
        Assert.Equal("mia-manager", unit.Id);
        Assert.Equal(["Ann Agent"], unit.Members.Select(m => m.Name));
    }

    public void Dispose() => _files.Dispose();
}
