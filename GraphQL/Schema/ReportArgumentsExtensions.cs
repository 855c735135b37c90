using Frontline.Abstractions.Attribution;
using Frontline.GraphQL.Schema.Types;
using GraphQL.Builders;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema;

/// <summary>The arguments every attribution view takes: scope, model, dimension and a half-open period.</summary>
public static class ReportArgumentsExtensions
{
    public static FieldBuilder<TSource, TReturn> ReportArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<NonNullGraphType<StringGraphType>>("scope", a =>
        {
            a.DefaultValue = AttributionScopes.Org;
            a.Description = "org, region/<r>, industry/<i>, segment/<B2B|B2C>, unit/<id>, or a scope paths were imported into.";
        })
        .Argument<NonNullGraphType<AttributionModelGraphType>>("model", a => a.DefaultValue = AttributionModel.Linear)
        .Argument<NonNullGraphType<AttributionDimensionGraphType>>("by", a => a.DefaultValue = AttributionDimension.Channel)
        .Argument<UtcDateTimeGraphType>("from", "Inclusive start of the period (conversion time).")
        .Argument<UtcDateTimeGraphType>("to", "Exclusive end of the period (conversion time).");
}
