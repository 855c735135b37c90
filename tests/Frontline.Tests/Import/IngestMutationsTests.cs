using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;
using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class IngestMutationsTests
{
    [Fact]
    public void ToInput_WonOpportunity_UsesSchemaNamesEnumsAndUtcTimes()
    {
        var json = IngestMutations.ToInput(new ImportOpportunityCommand
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
        }).ToJsonString();

        Assert.Equal(
            """{"id":"1C1I7A6R","unitId":"dustin-brinkmann","customerId":"Cancity","owner":"Moses Frase","product":"GTX Plus Basic","amount":1096,"stage":"WON","engagedAt":"2016-10-20T00:00:00Z","closedAt":"2017-03-01T00:00:00Z","closeValue":1054}""",
            json);
    }

    [Fact]
    public void ToInput_ProspectWithoutOptionalFields_LeavesThemOut()
    {
        var json = IngestMutations.ToInput(new ImportOpportunityCommand { Id = "P", UnitId = "u", Stage = OpportunityStage.Prospecting }).ToJsonString();

        Assert.Equal("""{"id":"P","unitId":"u","stage":"PROSPECTING"}""", json);
    }

    [Fact]
    public void ToInput_Conversion_SendsValueAsNumberAndOffsetTime()
    {
        var json = IngestMutations.ToInput(new TouchEnvelope
        {
            EventId = "mta-0123456789abcdef-0",
            CustomerId = "A000100",
            Action = StandardActions.ContractSigned,
            Channel = "Paid Search",
            OccurredAt = new DateTimeOffset(2018, 7, 22, 22, 40, 41, TimeSpan.FromHours(2)),
            Source = "mta-journeys",
            Value = 4.5m,
            Attributes = ImmutableDictionary<string, string>.Empty.Add("z", "1").Add("a", "2"),
        }).ToJsonString();

        Assert.Equal(
            """{"eventId":"mta-0123456789abcdef-0","customerId":"A000100","action":"ContractSigned","channel":"Paid Search","occurredAt":"2018-07-22T20:40:41Z","source":"mta-journeys","value":4.5,"attributes":[{"key":"a","value":"2"},{"key":"z","value":"1"}]}""",
            json);
    }

    [Fact]
    public void ToInput_UnitAndCustomer_UseSchemaNames()
    {
        var unit = IngestMutations.ToInput(new RegisterUnitCommand
        {
            Id = "dustin-brinkmann",
            Name = "Dustin Brinkmann",
            Region = "Central",
            Members = [new UnitMember { Name = "Anna Snelling", Role = "sales" }],
        }).ToJsonString();
        var customer = IngestMutations.ToInput(new RegisterCustomerCommand { Id = "A000100", Segment = Segment.B2C }).ToJsonString();

        Assert.Equal("""{"id":"dustin-brinkmann","name":"Dustin Brinkmann","region":"Central","members":[{"name":"Anna Snelling","role":"sales"}]}""", unit);
        Assert.Equal("""{"id":"A000100","segment":"B2C"}""", customer);
    }
}
