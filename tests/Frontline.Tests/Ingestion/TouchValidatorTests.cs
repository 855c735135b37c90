using Frontline.Abstractions.Events;
using Frontline.Grains.Ingestion;

namespace Frontline.Tests.Ingestion;

public sealed class TouchValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly TouchValidator _validator = new(new ActionCatalogueOptions());

    private static TouchEnvelope Good() => new()
    {
        EventId = "e1", CustomerId = "c1", Action = "DemoDelivered", Channel = "Field", OccurredAt = Now.AddHours(-1), Value = 10,
    };

    [Fact]
    public void Validate_GoodTouch_NoRejection() => Assert.Null(_validator.Validate(Good(), Now));

    [Fact]
    public void Validate_UnknownAction_NamesActionField()
    {
        var rejection = _validator.Validate(Good() with { Action = "Teleported" }, Now);

        Assert.Equal(("VALIDATION", "action"), (rejection!.Code, rejection.Field));
        Assert.Contains("Teleported", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingEventId_NamesEventIdField() => Assert.Equal("eventId", _validator.Validate(Good() with { EventId = " " }, Now)!.Field);

    [Fact]
    public void Validate_MoreThanADayAhead_NamesOccurredAt()
    {
        Assert.Null(_validator.Validate(Good() with { OccurredAt = Now.AddHours(23) }, Now));
        Assert.Equal("occurredAt", _validator.Validate(Good() with { OccurredAt = Now.AddHours(25) }, Now)!.Field);
    }

    [Fact]
    public void Validate_BeforeMinTime_NamesOccurredAt()
    {
        // A conversion on 0001-01-02 used to be stored and then break its customer: the window start underflowed.
        var rejection = _validator.Validate(Good() with { Action = "ContractSigned", OccurredAt = new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.Zero) }, Now);

        Assert.Equal(("VALIDATION", "occurredAt"), (rejection!.Code, rejection.Field));
        Assert.Contains("is before 1900-01-01", rejection.Reason, StringComparison.Ordinal);
        Assert.Null(_validator.Validate(Good() with { OccurredAt = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Now));
    }

    [Fact]
    public void Validate_NegativeValue_NamesValue() => Assert.Equal("value", _validator.Validate(Good() with { Value = -0.01m }, Now)!.Field);

    [Fact]
    public void Validate_ConfiguredExtraAction_Accepted()
    {
        var options = new ActionCatalogueOptions();
        options.Actions.Add("WarehouseVisit");

        Assert.Null(new TouchValidator(options).Validate(Good() with { Action = "WarehouseVisit" }, Now));
    }
}
