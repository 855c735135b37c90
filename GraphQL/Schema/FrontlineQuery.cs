using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Common;
using Frontline.GraphQL.Schema.Types;
using GraphQL;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema;

/// <summary>Read side: units, customers, opportunities and attribution. Each resolver is one call into a grain.</summary>
public sealed class FrontlineQuery : ObjectGraphType
{
    public FrontlineQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitGraphType>>>>("units")
            .Description("All registered units, by id.")
            .ResolveAsync(async c =>
            {
                var ids = await c.Grains().GetUnitDirectoryGrain().ListAsync();
                var units = await Task.WhenAll(ids.Select(id => c.Grains().GetUnitGrain(id).GetAsync()));
                return units.Where(u => u is not null).ToList();
            });

        Field<UnitGraphType>("unit")
            .Description("A unit, or null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Unit id.")
            .ResolveAsync(async c => await c.Grains().GetUnitGrain(c.GetArgument<string>("id")).GetAsync());

        Field<CustomerGraphType>("customer")
            .Description("A customer, or null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Customer id.")
            .ResolveAsync(async c => await c.Grains().GetCustomerGrain(c.GetArgument<string>("id")).GetAsync());

        Field<OpportunityGraphType>("opportunity")
            .Description("An opportunity, or null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Opportunity id.")
            .ResolveAsync(async c => await c.Grains().GetOpportunityGrain(c.GetArgument<string>("id")).GetAsync());

        Field<NonNullGraphType<AttributionReportGraphType>>("attribution")
            .Description("Credit per action or channel for a scope; conversions selected by time in [from, to).")
            .Argument<NonNullGraphType<StringGraphType>>("scope", a => a.DefaultValue = AttributionScopes.Org)
            .Argument<NonNullGraphType<AttributionModelGraphType>>("model", a => a.DefaultValue = AttributionModel.Linear)
            .Argument<NonNullGraphType<AttributionDimensionGraphType>>("by", a => a.DefaultValue = AttributionDimension.Channel)
            .Argument<UtcDateTimeGraphType>("from", "Inclusive start of the period.")
            .Argument<UtcDateTimeGraphType>("to", "Exclusive end of the period.")
            .ResolveAsync(async c =>
            {
                var scope = c.GetArgument<string>("scope");
                var query = ReportArguments(c);
                return await c.Grains().GetAttributionScopeGrain(scope).GetReportAsync(query);
            });
    }

    /// <summary>Reads and checks the report arguments shared by the query and the subscription.</summary>
    public static AttributionQuery ReportArguments(IResolveFieldContext c)
    {
        var scope = c.GetArgument<string>("scope");
        if (!AttributionScopes.IsValid(scope))
        {
            throw Rejection.Invalid("scope", $"'{scope}' is not a scope: use 'org' or 'unit/<id>'").ToError();
        }

        var query = new AttributionQuery
        {
            Model = c.GetArgument("model", AttributionModel.Linear),
            By = c.GetArgument("by", AttributionDimension.Channel),
            From = c.GetArgument<DateTimeOffset?>("from"),
            To = c.GetArgument<DateTimeOffset?>("to"),
        };
        if (query.From >= query.To)
        {
            throw Rejection.Invalid("to", "must be after from").ToError();
        }

        return query;
    }
}
