using Frontline.Abstractions.Opportunities;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class EscalationGraphType : ObjectGraphType<Escalation>
{
    public EscalationGraphType()
    {
        Name = "Escalation";
        Description = "Raised to a unit when an opportunity has three stalled follow-ups in a row.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: <opportunityId>#<n>.");
        Field(e => e.OpportunityId).Description("The stalled opportunity.");
        Field(e => e.UnitId).Description("Unit it is raised to.");
        Field(e => e.CustomerId, nullable: true).Description("Customer of the opportunity, if known.");
        Field(e => e.Reason).Description("Why it was raised.");
        Field<NonNullGraphType<UtcDateTimeGraphType>>("raisedAt").Description("When it was raised.").Resolve(c => c.Source.RaisedAt);
        Field(e => e.StalledStreak).Description("Stalled follow-ups in the streak when raised.");
        Field<UtcDateTimeGraphType>("resolvedAt").Description("When progress or closing resolved it; null while open.").Resolve(c => c.Source.ResolvedAt);
        Field<NonNullGraphType<BooleanGraphType>>("open").Description("True until resolved.").Resolve(c => c.Source.ResolvedAt is null);
    }
}
