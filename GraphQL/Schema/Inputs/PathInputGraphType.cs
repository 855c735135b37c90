using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Inputs;

public sealed class PathInputGraphType : InputObjectGraphType
{
    public PathInputGraphType()
    {
        Name = "PathInput";
        Description = "An aggregated path: channels in order (\"a > b > c\"), converting journeys, their value, null journeys.";
        Field<NonNullGraphType<StringGraphType>>("path").Description("Channels separated by '>'.");
        Field<NonNullGraphType<FloatGraphType>>("conversions").Description("Converting journeys with this path, >= 0.");
        Field<NonNullGraphType<FloatGraphType>>("value").Description("Their total conversion value, >= 0.");
        Field<NonNullGraphType<FloatGraphType>>("nulls").Description("Non-converting journeys with this path, >= 0.");
    }
}
