using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Common;
using Frontline.GraphQL.Schema.Inputs;
using Frontline.GraphQL.Schema.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Frontline.GraphQL.Schema;

/// <summary>Write side: ingestion batches and opportunity commands. Each resolver is one call into a grain.</summary>
public sealed class FrontlineMutation : ObjectGraphType
{
    public FrontlineMutation(IOptions<IngestLimitsOptions> limits)
    {
        var maxBatch = limits.Value.MaxBatchItems;
        Name = "Mutation";

        Field<NonNullGraphType<IngestResultGraphType>>("recordTouches")
            .Description("Records touch events; idempotent by eventId; bad items are rejected one by one.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<TouchInputGraphType>>>>("input")
            .ResolveAsync(async c => await c.Grains().GetIngestGrain().RecordTouchesAsync(InputMapper.List(c.BatchInput(maxBatch), InputMapper.Touch)).RetryableOnFailure());

        Field<NonNullGraphType<IngestResultGraphType>>("registerUnits")
            .Description("Registers or updates units with their members; an unchanged unit counts as a duplicate.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<RegisterUnitInputGraphType>>>>("input")
            .ResolveAsync(async c => await c.Grains().GetIngestGrain().RegisterUnitsAsync(InputMapper.List(c.BatchInput(maxBatch), InputMapper.Unit)).RetryableOnFailure());

        Field<NonNullGraphType<UnitGraphType>>("registerUnit")
            .Description("Registers or updates one unit with its members.")
            .Argument<NonNullGraphType<RegisterUnitInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var command = InputMapper.Unit(c.Input());
                return (await c.Grains().GetUnitGrain(RejectionErrors.RequireId(command.Id, "id")).RegisterAsync(command)).ValueOrThrow();
            });

        Field<NonNullGraphType<IngestResultGraphType>>("registerCustomers")
            .Description("Registers or updates customers; an unchanged customer counts as a duplicate.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<RegisterCustomerInputGraphType>>>>("input")
            .ResolveAsync(async c => await c.Grains().GetIngestGrain().RegisterCustomersAsync(InputMapper.List(c.BatchInput(maxBatch), InputMapper.Customer)).RetryableOnFailure());

        Field<NonNullGraphType<CustomerGraphType>>("registerCustomer")
            .Description("Registers or updates one customer.")
            .Argument<NonNullGraphType<RegisterCustomerInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var command = InputMapper.Customer(c.Input());
                return (await c.Grains().GetCustomerGrain(RejectionErrors.RequireId(command.Id, "id")).RegisterAsync(command)).ValueOrThrow();
            });

        Field<NonNullGraphType<IngestResultGraphType>>("importOpportunities")
            .Description("Imports opportunities with their history; the same record again is a duplicate.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ImportOpportunityInputGraphType>>>>("input")
            .ResolveAsync(async c => await c.Grains().GetIngestGrain().ImportOpportunitiesAsync(InputMapper.List(c.BatchInput(maxBatch), InputMapper.ImportOpportunity)).RetryableOnFailure());

        Field<NonNullGraphType<IntGraphType>>("importPaths")
            .Description("Replaces the aggregated CHANNEL paths of a scope (an analyst's data from elsewhere); re-importing replaces, never doubles. Returns how many paths the scope holds.")
            .Argument<NonNullGraphType<StringGraphType>>("scope", "The scope to import into, e.g. paths/campaign-2026.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<PathInputGraphType>>>>("paths")
            .ResolveAsync(async c =>
            {
                var scope = c.GetArgument<string>("scope");
                if (AttributionScopes.Problem(scope) is { } problem)
                {
                    throw Rejection.Invalid("scope", problem).ToError();
                }

                if (AttributionScopes.IsLive(scope))
                {
                    throw Rejection.Invalid("scope", $"'{scope}' is fed by live journeys; import paths into a name of your own, e.g. paths/campaign-2026").ToError();
                }

                var paths = PathInputs.Parse(c.Arguments!["paths"].Value);
                return await c.Grains().GetAttributionScopeGrain(scope).ReplaceImportedPathsAsync(paths);
            });

        Field<NonNullGraphType<OpportunityGraphType>>("openOpportunity")
            .Description("Opens an opportunity for a registered unit.")
            .Argument<NonNullGraphType<OpenOpportunityInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var command = InputMapper.OpenOpportunity(c.Input());
                return (await c.Grains().GetOpportunityGrain(RejectionErrors.RequireId(command.Id, "id")).OpenAsync(command)).ValueOrThrow();
            });

        Field<NonNullGraphType<OpportunityGraphType>>("logFollowUp")
            .Description("Logs a follow-up; the third in a row without progress escalates to the unit.")
            .Argument<NonNullGraphType<LogFollowUpInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var command = InputMapper.LogFollowUp(c.Input());
                return (await c.Grains().GetOpportunityGrain(RejectionErrors.RequireId(command.OpportunityId, "opportunityId")).LogFollowUpAsync(command)).ValueOrThrow();
            });

        Field<NonNullGraphType<OpportunityGraphType>>("closeOpportunity")
            .Description("Closes an open opportunity as won or lost; a won one is a conversion of its customer.")
            .Argument<NonNullGraphType<CloseOpportunityInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var command = InputMapper.CloseOpportunity(c.Input());
                return (await c.Grains().GetOpportunityGrain(RejectionErrors.RequireId(command.OpportunityId, "opportunityId")).CloseAsync(command)).ValueOrThrow();
            });
    }
}
