using Frontline.Abstractions.Units;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class UnitMemberGraphType : ObjectGraphType<UnitMember>
{
    public UnitMemberGraphType()
    {
        Name = "UnitMember";
        Description = "A member of a combat unit.";
        Field(m => m.Name).Description("Person's name.");
        Field(m => m.Role).Description("Role in the unit, e.g. lead or sales.");
    }
}
