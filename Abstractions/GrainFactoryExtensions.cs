using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Audit;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Ingestion;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Abstractions;

/// <summary>Typed accessors: every <c>GetGrain</c> in Frontline goes through these, so key formats live in one place.</summary>
public static class GrainFactoryExtensions
{
    public static ICustomerGrain GetCustomerGrain(this IGrainFactory factory, string customerId) => StringKeyed<ICustomerGrain>.Get(factory, customerId);

    public static IOpportunityGrain GetOpportunityGrain(this IGrainFactory factory, string opportunityId) => StringKeyed<IOpportunityGrain>.Get(factory, opportunityId);

    public static IUnitGrain GetUnitGrain(this IGrainFactory factory, string unitId) => StringKeyed<IUnitGrain>.Get(factory, unitId);

    public static IUnitDirectoryGrain GetUnitDirectoryGrain(this IGrainFactory factory) => factory.GetGrain<IUnitDirectoryGrain>(0);

    public static IIngestGrain GetIngestGrain(this IGrainFactory factory) => factory.GetGrain<IIngestGrain>(0);

    public static IStreamRejectionsGrain GetStreamRejectionsGrain(this IGrainFactory factory, string streamNamespace) => factory.GetGrain<IStreamRejectionsGrain>(streamNamespace);

    public static IAttributionScopeGrain GetAttributionScopeGrain(this IGrainFactory factory, string scope) => StringKeyed<IAttributionScopeGrain>.Get(factory, scope);

    public static IAttributionBucketGrain GetAttributionBucketGrain(this IGrainFactory factory, string scope, long hour) =>
        factory.GetGrain<IAttributionBucketGrain>(AttributionBuckets.Key(scope, hour));

    public static IAuditLogGrain GetAuditLogGrain(this IGrainFactory factory, DateTimeOffset at) => factory.GetGrain<IAuditLogGrain>(AuditDays.Key(at));

    public static IAuditLogGrain GetAuditLogGrain(this IGrainFactory factory, string day) => factory.GetGrain<IAuditLogGrain>(day);

    public static IAuditChunkGrain GetAuditChunkGrain(this IGrainFactory factory, string day, long chunk) => factory.GetGrain<IAuditChunkGrain>(AuditDays.ChunkKey(day, chunk));

    /// <summary>
    /// References to the grains that ingest touches call once a customer (or more) per batch. <c>GetGrain&lt;T&gt;(key)</c>
    /// resolves <typeparamref name="T"/>'s grain and interface types through its attributes on every call, which was
    /// 3.7% of a silo's CPU in bench part 7 (a profile of 1,000,000 touches); both types depend only on
    /// <typeparamref name="T"/>, so they are taken from the first reference and reused.
    /// </summary>
    private static class StringKeyed<T> where T : IGrainWithStringKey
    {
        // A reference type, published whole: readers on other threads see both types or neither.
        private static GrainTypes? _types;

        public static T Get(IGrainFactory factory, string key)
        {
            // A factory that is not Orleans' own (a test double) answers with something else; it gets the plain call.
            if (Volatile.Read(ref _types) is { } types && factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface) is T known)
            {
                return known;
            }

            var reference = factory.GetGrain<T>(key);
            if (reference is GrainReference grain)
            {
                Volatile.Write(ref _types, new GrainTypes(grain.GrainId.Type, grain.InterfaceType));
            }

            return reference;
        }
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);
}
