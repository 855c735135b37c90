using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Audit;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Streams;
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
            .ResolveAsync(async c => await c.Grains().GetUnitGrain(RejectionErrors.RequireId(c.GetArgument<string>("id"), "id")).GetAsync());

        Field<CustomerGraphType>("customer")
            .Description("A customer, or null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Customer id.")
            .ResolveAsync(async c => await c.Grains().GetCustomerGrain(RejectionErrors.RequireId(c.GetArgument<string>("id"), "id")).GetAsync());

        Field<OpportunityGraphType>("opportunity")
            .Description("An opportunity, or null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Opportunity id.")
            .ResolveAsync(async c => await c.Grains().GetOpportunityGrain(RejectionErrors.RequireId(c.GetArgument<string>("id"), "id")).GetAsync());

        Field<NonNullGraphType<StreamRejectionsGraphType>>("streamRejections")
            .Description("Items of the touches ingestion stream that were refused (they changed nothing): the count and the latest, newest first.")
            .ResolveAsync(async c => await c.Grains().GetStreamRejectionsGrain(StreamNames.Touches).GetAsync());

        Field<NonNullGraphType<AttributionReportGraphType>>("attribution")
            .Description("Credit per action or channel for a scope; conversions selected by time in [from, to).")
            .ReportArguments()
            .ResolveAsync(async c => await ScopeGrain(c).GetReportAsync(ReportArguments(c)).WithinLimits());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HeatCellGraphType>>>>("heatmap")
            .Description("Credit per key and hour of the credited touches, for conversions in [from, to), by hour then key.")
            .ReportArguments()
            .ResolveAsync(async c => await ScopeGrain(c).GetHeatmapAsync(ReportArguments(c)).WithinLimits());

        Field<NonNullGraphType<PathStatsGraphType>>("pathStats")
            .Description("Journeys, conversions, nulls and touches per conversion of a scope in [from, to).")
            .ReportArguments()
            .ResolveAsync(async c => await ScopeGrain(c).GetPathStatsAsync(ReportArguments(c)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContentCombinationGraphType>>>>("contentCombinations")
            .Description("Sets of content actions (whitepaper, livestream, demo, content view, email) of converting journeys in [from, to), highest average value first. Use region/<r> or industry/<i> scopes.")
            .ReportArguments()
            .Argument<NonNullGraphType<IntGraphType>>("minSupport", a => a.DefaultValue = 1)
            .ResolveAsync(async c =>
            {
                var all = await ScopeGrain(c).GetContentCombinationsAsync(ReportArguments(c));
                return all.Where(x => x.Support >= c.GetArgument<int>("minSupport")).ToList();
            });

        Field<NonNullGraphType<AuditConnectionGraphType>>("auditLog")
            .Description("Audited requests (every mutation and bulk ingest) of one UTC day, newest first. HQ only.")
            .Argument<StringGraphType>("day", "UTC day, yyyy-MM-dd; today when omitted.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 50; a.Description = $"Entries to return, 0-{MaxAuditPage}."; })
            .Argument<StringGraphType>("after", "Cursor to read after (endCursor of the previous page).")
            .ResolveAsync(async c =>
            {
                var day = c.GetArgument<string?>("day") ?? AuditDays.Key(TimeProvider.System.GetUtcNow());
                if (!AuditDays.IsKey(day))
                {
                    throw Rejection.Invalid("day", "must be a UTC day as yyyy-MM-dd").ToError();
                }

                var first = c.GetArgument("first", 50);
                if (first is < 0 or > MaxAuditPage)
                {
                    throw Rejection.Invalid("first", $"{first} is not within 0-{MaxAuditPage}").ToError();
                }

                long? before = null;
                if (c.GetArgument<string?>("after") is { } after)
                {
                    before = long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
                        ? sequence
                        : throw Rejection.Invalid("after", "is not a cursor of this log").ToError();
                }

                return await c.Grains().GetAuditLogGrain(day).ReadAsync(first, before);
            });
    }

    /// <summary>Most audit entries one page returns.</summary>
    public const int MaxAuditPage = 500;

    /// <summary>The grain of the <c>scope</c> argument, once the arguments are known to be valid.</summary>
    public static IAttributionScopeGrain ScopeGrain(IResolveFieldContext c)
    {
        ReportArguments(c);
        return c.Grains().GetAttributionScopeGrain(c.GetArgument<string>("scope"));
    }

    /// <summary>Reads and checks the report arguments shared by the query and the subscription.</summary>
    public static AttributionQuery ReportArguments(IResolveFieldContext c)
    {
        if (AttributionScopes.Problem(c.GetArgument<string>("scope")) is { } problem)
        {
            throw Rejection.Invalid("scope", problem).ToError();
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
