using Frontline.Abstractions.Opportunities;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class OpportunityGraphType : ObjectGraphType<OpportunityView>
{
    public OpportunityGraphType()
    {
        Name = "Opportunity";
        Description = "An opportunity with its stage history, follow-up log, stall streak and escalations.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Opportunity id.");
        Field<NonNullGraphType<OpportunityStageGraphType>>("stage").Description("Current stage.").Resolve(c => c.Source.Stage);
        Field(o => o.UnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Owning unit.");
        Field(o => o.CustomerId, type: typeof(IdGraphType)).Description("Customer; may be null while open.");
        Field(o => o.Owner, nullable: true).Description("Sales agent who owns it.");
        Field(o => o.Product, nullable: true).Description("Product offered.");
        Field(o => o.Amount, nullable: true).Description("Expected amount.");
        Field(o => o.CloseValue, nullable: true).Description("Close value once closed.");
        Field<UtcDateTimeGraphType>("openedAt").Description("When it was opened (engaged).").Resolve(c => c.Source.OpenedAt);
        Field<UtcDateTimeGraphType>("closedAt").Description("When it closed.").Resolve(c => c.Source.ClosedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StageChangeGraphType>>>>("stageHistory").Description("Stages entered, oldest first.").Resolve(c => c.Source.StageHistory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowUpGraphType>>>>("followUps").Description("Follow-up log, including overdue periods.").Resolve(c => c.Source.FollowUps);
        Field(o => o.StalledStreak).Description("Consecutive follow-ups (logged or overdue) without progress.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EscalationGraphType>>>>("escalations").Description("Escalations raised on it.").Resolve(c => c.Source.Escalations);
        Field<NonNullGraphType<FloatGraphType>>("followUpPeriodDays").Description("Period of the follow-up reminder, in days.").Resolve(c => c.Source.FollowUpPeriod.TotalDays);
    }
}

public sealed class StageChangeGraphType : ObjectGraphType<StageChange>
{
    public StageChangeGraphType()
    {
        Name = "StageChange";
        Description = "One entry of the stage history.";
        Field<NonNullGraphType<OpportunityStageGraphType>>("stage").Description("Stage entered.").Resolve(c => c.Source.Stage);
        Field<UtcDateTimeGraphType>("at").Description("When; null when the source did not say.").Resolve(c => c.Source.At);
    }
}

public sealed class FollowUpGraphType : ObjectGraphType<FollowUp>
{
    public FollowUpGraphType()
    {
        Name = "FollowUp";
        Description = "A logged follow-up, or an overdue period recorded by the follow-up reminder.";
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When.").Resolve(c => c.Source.At);
        Field(f => f.Progressed).Description("Whether it made progress.");
        Field(f => f.Note, nullable: true).Description("Note; 'follow-up overdue' for overdue periods.");
        Field(f => f.Overdue).Description("True when recorded by the reminder.");
    }
}
