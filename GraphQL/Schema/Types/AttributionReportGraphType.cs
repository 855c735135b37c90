using Frontline.Abstractions.Attribution;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

public sealed class AttributionReportGraphType : ObjectGraphType<AttributionReport>
{
    public AttributionReportGraphType()
    {
        Name = "AttributionReport";
        Description = "Credit per action or channel for a scope, model and period, with the weekly review's top and bottom 3.";
        Field(r => r.Scope).Description("org or unit/<id>.");
        Field<NonNullGraphType<AttributionModelGraphType>>("model").Description("Model used.").Resolve(c => c.Source.Model);
        Field<NonNullGraphType<AttributionDimensionGraphType>>("by").Description("Dimension used.").Resolve(c => c.Source.By);
        Field<UtcDateTimeGraphType>("from").Description("Inclusive start of the period.").Resolve(c => c.Source.From);
        Field<UtcDateTimeGraphType>("to").Description("Exclusive end of the period.").Resolve(c => c.Source.To);
        Field(r => r.Conversions).Description("All conversions in the period, attributed or not.");
        Field(r => r.Value).Description("Total value of those conversions.");
        Field(r => r.Unattributed).Description("Conversions with no touch in their window.");
        Field(r => r.UnattributedValue).Description("Value of the unattributed conversions.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditLineGraphType>>>>("credits").Description("Credit per key, highest value first.").Resolve(c => c.Source.Credits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditLineGraphType>>>>("top").Description("The 3 keys with the highest credited value.").Resolve(c => c.Source.Top);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditLineGraphType>>>>("bottom").Description("The 3 keys with the lowest credited value.").Resolve(c => c.Source.Bottom);
        Field(r => r.Nulls).Description("Null journeys in the period (used by MARKOV).");
        Field(r => r.ConversionProbability, nullable: true).Description("MARKOV only: P(conversion) of the chain.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemovalEffectGraphType>>>>("removalEffects").Description("MARKOV only: raw removal effects, largest first.").Resolve(c => c.Source.RemovalEffects);
    }
}

public sealed class CreditLineGraphType : ObjectGraphType<CreditLine>
{
    public CreditLineGraphType()
    {
        Name = "CreditLine";
        Description = "Credit earned by one action or channel.";
        Field(l => l.Key).Description("Action or channel.");
        Field(l => l.Conversions).Description("Conversions credited (fractional under multi-touch models).");
        Field(l => l.Value).Description("Conversion value credited.");
        Field(l => l.Share).Description("Share of attributed conversions, 0..1.");
    }
}
