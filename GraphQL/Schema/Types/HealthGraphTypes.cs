using Frontline.Abstractions.Customers;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class HealthScoreGraphType : ObjectGraphType<HealthScore>
{
    public HealthScoreGraphType()
    {
        Name = "HealthScore";
        Description = "Customer health 0-100 from recency, frequency, depth of engagement and open escalations (formula in README).";
        Field(h => h.Score).Description("Score 0-100.");
        Field<NonNullGraphType<HealthBandGraphType>>("band").Description("Band of the score.").Resolve(c => c.Source.Band);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HealthFactorGraphType>>>>("factors").Description("The factors behind the score.").Resolve(c => c.Source.Factors);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("computedAt").Description("When it was computed.").Resolve(c => c.Source.ComputedAt);
    }
}

public sealed class HealthFactorGraphType : ObjectGraphType<HealthFactor>
{
    public HealthFactorGraphType()
    {
        Name = "HealthFactor";
        Description = "One input of the health score.";
        Field(f => f.Name).Description("recency, frequency, depth or escalations.");
        Field(f => f.Reading).Description("The raw reading: days since the last event (-1 for none), touches, distinct actions, open escalations.");
        Field(f => f.Points).Description("Points it contributes (negative for escalations).");
    }
}
