using Frontline.Abstractions.Units;
using GraphQL;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class UnitGraphType : ObjectGraphType<UnitView>
{
    public UnitGraphType()
    {
        Name = "Unit";
        Description = "A combat unit: members, its opportunities' counts and won value, and escalations raised to it.";
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Unit id (manager's name as a lower-case slug for imported units).");
        Field(u => u.Name).Description("Display name.");
        Field(u => u.Region, nullable: true).Description("Region the unit works in.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitMemberGraphType>>>>("members").Description("Members and roles.").Resolve(c => c.Source.Members);
        Field(u => u.OpportunityCount).Description("All opportunities of the unit.");
        Field(u => u.WonCount).Description("Opportunities closed as won.");
        Field(u => u.LostCount).Description("Opportunities closed as lost.");
        Field(u => u.OpenCount).Description("Opportunities still open (prospecting or engaging).");
        Field(u => u.WonValue).Description("Sum of the close values of won opportunities.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EscalationGraphType>>>>("escalations")
            .Description("Escalations raised to the unit, oldest first.")
            .Argument<BooleanGraphType>("open", "true: only open ones; false: only resolved ones; omitted: all.")
            .Resolve(c => c.GetArgument<bool?>("open") is { } open ? c.Source.Escalations.Where(e => (e.ResolvedAt is null) == open) : c.Source.Escalations);
    }
}
