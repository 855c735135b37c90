using Frontline.GraphQL.Schema.Types;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Inputs;

/// <summary>
/// A touch envelope (DESIGN §3). Fields are nullable in the schema on purpose: a batch item that lacks one is
/// rejected on its own with the field named, while the rest of the batch lands.
/// </summary>
public sealed class TouchInputGraphType : InputObjectGraphType
{
    public TouchInputGraphType()
    {
        Name = "TouchInput";
        Description = "One touchpoint event. Required: eventId, customerId, action, channel, occurredAt.";
        Field<StringGraphType>("eventId").Description("Idempotency key, unique per source (required).");
        Field<StringGraphType>("customerId").Description("Customer id (required).");
        Field<StringGraphType>("action").Description("Micro-action from the configured catalogue, e.g. ContentViewed (required).");
        Field<StringGraphType>("channel").Description("Channel, e.g. Facebook (required).");
        Field<UtcDateTimeGraphType>("occurredAt").Description("When it happened; at most a day in the future (required).");
        Field<StringGraphType>("source").Description("Source system.");
        Field<StringGraphType>("opportunityId").Description("Related opportunity.");
        Field<DecimalGraphType>("value").Description("Value, never negative; the conversion value for ContractSigned.");
        Field<ListGraphType<NonNullGraphType<AttributeInputGraphType>>>("attributes").Description("String attributes.");
    }
}

public sealed class AttributeInputGraphType : InputObjectGraphType
{
    public AttributeInputGraphType()
    {
        Name = "AttributeInput";
        Description = "A string attribute of a touch.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Attribute name.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("Attribute value.");
    }
}

public sealed class UnitMemberInputGraphType : InputObjectGraphType
{
    public UnitMemberInputGraphType()
    {
        Name = "UnitMemberInput";
        Description = "A member of a unit.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Person's name.");
        Field<NonNullGraphType<StringGraphType>>("role").Description("Role, e.g. lead or sales.");
    }
}

public sealed class RegisterUnitInputGraphType : InputObjectGraphType
{
    public RegisterUnitInputGraphType()
    {
        Name = "RegisterUnitInput";
        Description = "A unit to register or update. Required: id, name.";
        Field<StringGraphType>("id").Description("Unit id (required).");
        Field<StringGraphType>("name").Description("Display name (required).");
        Field<StringGraphType>("region").Description("Region.");
        Field<ListGraphType<NonNullGraphType<UnitMemberInputGraphType>>>("members").Description("Members with roles.");
    }
}

public sealed class RegisterCustomerInputGraphType : InputObjectGraphType
{
    public RegisterCustomerInputGraphType()
    {
        Name = "RegisterCustomerInput";
        Description = "A customer to register or update. Required: id, segment.";
        Field<StringGraphType>("id").Description("Customer id (required).");
        Field<SegmentGraphType>("segment").Description("B2B or B2C (required).");
        Field<StringGraphType>("industry").Description("Industry.");
        Field<StringGraphType>("region").Description("Region.");
        Field<StringGraphType>("unitId").Description("Assigned unit; must exist.");
        Field<StringGraphType>("name").Description("Display name.");
    }
}

public sealed class ImportOpportunityInputGraphType : InputObjectGraphType
{
    public ImportOpportunityInputGraphType()
    {
        Name = "ImportOpportunityInput";
        Description = "An opportunity with its history from another system. Required: id, unitId, stage; closedAt and closeValue when WON or LOST.";
        Field<StringGraphType>("id").Description("Opportunity id (required).");
        Field<StringGraphType>("unitId").Description("Owning unit; must exist (required).");
        Field<StringGraphType>("customerId").Description("Customer; required when WON.");
        Field<StringGraphType>("owner").Description("Sales agent.");
        Field<StringGraphType>("product").Description("Product.");
        Field<DecimalGraphType>("amount").Description("Expected amount.");
        Field<OpportunityStageGraphType>("stage").Description("Current stage (required).");
        Field<UtcDateTimeGraphType>("engagedAt").Description("When engagement started.");
        Field<UtcDateTimeGraphType>("closedAt").Description("When it closed.");
        Field<DecimalGraphType>("closeValue").Description("Close value.");
    }
}

public sealed class OpenOpportunityInputGraphType : InputObjectGraphType
{
    public OpenOpportunityInputGraphType()
    {
        Name = "OpenOpportunityInput";
        Description = "Opens an opportunity.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opportunity id.");
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("Owning unit; must exist.");
        Field<IdGraphType>("customerId").Description("Customer, optional while open.");
        Field<StringGraphType>("owner").Description("Sales agent.");
        Field<StringGraphType>("product").Description("Product.");
        Field<DecimalGraphType>("amount").Description("Expected amount, never negative.");
        Field<OpportunityStageGraphType>("stage").Description("PROSPECTING (default) or ENGAGING.");
        Field<UtcDateTimeGraphType>("at").Description("When it was opened; default now.");
    }
}

public sealed class LogFollowUpInputGraphType : InputObjectGraphType
{
    public LogFollowUpInputGraphType()
    {
        Name = "LogFollowUpInput";
        Description = "A follow-up on an open opportunity.";
        Field<NonNullGraphType<IdGraphType>>("opportunityId").Description("The opportunity.");
        Field<BooleanGraphType>("progressed").Description("Whether it made progress (default false).");
        Field<StringGraphType>("note").Description("Note.");
        Field<UtcDateTimeGraphType>("at").Description("When; default now.");
        Field<OpportunityStageGraphType>("stage").Description("New open stage; advancing counts as progress.");
    }
}

public sealed class CloseOpportunityInputGraphType : InputObjectGraphType
{
    public CloseOpportunityInputGraphType()
    {
        Name = "CloseOpportunityInput";
        Description = "Closes an open opportunity as won (a conversion with its value) or lost.";
        Field<NonNullGraphType<IdGraphType>>("opportunityId").Description("The opportunity.");
        Field<NonNullGraphType<BooleanGraphType>>("won").Description("True for won, false for lost.");
        Field<DecimalGraphType>("value").Description("Close value; required when won.");
        Field<UtcDateTimeGraphType>("at").Description("When; default now.");
        Field<IdGraphType>("customerId").Description("Customer, if the opportunity has none yet (required to win).");
    }
}
