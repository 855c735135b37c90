using Frontline.Abstractions;
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
                Client(c).GetStreamProvider(StreamNames.Provider).GetStream<Escalation>(StreamId.Create(StreamNames.Escalations, c.GetArgument<string>("unitId"))),
                e => Task.FromResult<Escalation?>(e)));

        Field<NonNullGraphType<AttributionReportGraphType>, Abstractions.Attribution.AttributionReport>("attributionUpdated")
            .Description("The scope's report, pushed each time a conversion changes its figures.")
            .Argument<NonNullGraphType<StringGraphType>>("scope", "org or unit/<id>.")
            .Argument<NonNullGraphType<AttributionModelGraphType>>("model", a => a.DefaultValue = Abstractions.Attribution.AttributionModel.Linear)
            .Argument<NonNullGraphType<AttributionDimensionGraphType>>("by", a => a.DefaultValue = Abstractions.Attribution.AttributionDimension.Channel)
            .Argument<UtcDateTimeGraphType>("from", "Inclusive start of the period.")
            .Argument<UtcDateTimeGraphType>("to", "Exclusive end of the period.")
            .Resolve(c => (Abstractions.Attribution.AttributionReport)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var scope = c.GetArgument<string>("scope");
                var query = FrontlineQuery.ReportArguments(c);
                var grains = c.Grains();
                return await GrainStreamObservable<ScopeUpdated, Abstractions.Attribution.AttributionReport?>.SubscribeAsync(
                    Client(c).GetStreamProvider(StreamNames.Provider).GetStream<ScopeUpdated>(StreamId.Create(StreamNames.Attribution, scope)),
                    async _ => await grains.GetAttributionScopeGrain(scope).GetReportAsync(query));
            });
    }

    private static IClusterClient Client(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IClusterClient>();
}
