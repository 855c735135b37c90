using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Streams;
using Frontline.GraphQL.Schema.Streams;
using Frontline.GraphQL.Schema.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Schema;

/// <summary>Live side: escalations raised to a unit, and attribution reports of a scope as they change. Fed by Orleans streams.</summary>
public sealed class FrontlineSubscription : ObjectGraphType
{
    public FrontlineSubscription()
    {
        Name = "Subscription";

        Field<NonNullGraphType<EscalationGraphType>, Escalation>("escalationRaised")
            .Description("Every escalation raised to the unit from now on.")
            .Argument<NonNullGraphType<IdGraphType>>("unitId", "The unit.")
            .Resolve(c => (Escalation)c.Source!)
            .ResolveStreamAsync(async c => await GrainStreamObservable<Escalation, Escalation?>.SubscribeAsync(
                Client(c).GetStreamProvider(StreamNames.Provider).GetStream<Escalation>(StreamId.Create(StreamNames.Escalations, RejectionErrors.RequireId(c.GetArgument<string>("unitId"), "unitId"))),
                e => Task.FromResult<Escalation?>(e)));

        Field<NonNullGraphType<AttributionReportGraphType>, AttributionReport>("attributionUpdated")
            .Description("The scope's report, pushed each time a conversion changes its figures.")
            .ReportArguments()
            .Resolve(c => (AttributionReport)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var query = FrontlineQuery.ReportArguments(c);
                var scope = c.GetArgument<string>("scope");
                var grains = c.Grains();
                return await OnScopeUpdatedAsync(c, scope, async () => (AttributionReport?)await grains.GetAttributionScopeGrain(scope).GetReportAsync(query));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HeatCellGraphType>>>, IReadOnlyList<HeatCell>>("heatmapUpdated")
            .Description("The scope's heat map, pushed each time a conversion changes it.")
            .ReportArguments()
            .Resolve(c => (IReadOnlyList<HeatCell>)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var query = FrontlineQuery.ReportArguments(c);
                var scope = c.GetArgument<string>("scope");
                var grains = c.Grains();
                return await OnScopeUpdatedAsync(c, scope, async () => (IReadOnlyList<HeatCell>?)await grains.GetAttributionScopeGrain(scope).GetHeatmapAsync(query));
            });
    }

    /// <summary>Subscribes to a scope's change signals; each one is answered with a fresh read.</summary>
    private static Task<IObservable<T?>> OnScopeUpdatedAsync<T>(IResolveFieldContext c, string scope, Func<Task<T?>> read) =>
        GrainStreamObservable<ScopeUpdated, T?>.SubscribeAsync(
            Client(c).GetStreamProvider(StreamNames.Provider).GetStream<ScopeUpdated>(StreamId.Create(StreamNames.Attribution, scope)),
            _ => read());

    private static IClusterClient Client(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IClusterClient>();
}
