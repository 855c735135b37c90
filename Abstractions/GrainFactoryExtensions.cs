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
    public static ICustomerGrain GetCustomerGrain(this IGrainFactory factory, string customerId) => factory.GetGrain<ICustomerGrain>(customerId);

    public static IOpportunityGrain GetOpportunityGrain(this IGrainFactory factory, string opportunityId) => factory.GetGrain<IOpportunityGrain>(opportunityId);

    public static IUnitGrain GetUnitGrain(this IGrainFactory factory, string unitId) => factory.GetGrain<IUnitGrain>(unitId);

    public static IUnitDirectoryGrain GetUnitDirectoryGrain(this IGrainFactory factory) => factory.GetGrain<IUnitDirectoryGrain>(0);

    public static IIngestGrain GetIngestGrain(this IGrainFactory factory) => factory.GetGrain<IIngestGrain>(0);

    public static IStreamRejectionsGrain GetStreamRejectionsGrain(this IGrainFactory factory, string streamNamespace) => factory.GetGrain<IStreamRejectionsGrain>(streamNamespace);

    public static IAttributionScopeGrain GetAttributionScopeGrain(this IGrainFactory factory, string scope) => factory.GetGrain<IAttributionScopeGrain>(scope);

    public static IAttributionBucketGrain GetAttributionBucketGrain(this IGrainFactory factory, string scope, long hour) =>
        factory.GetGrain<IAttributionBucketGrain>(AttributionBuckets.Key(scope, hour));

    public static IAuditLogGrain GetAuditLogGrain(this IGrainFactory factory, DateTimeOffset at) => factory.GetGrain<IAuditLogGrain>(AuditDays.Key(at));

    public static IAuditLogGrain GetAuditLogGrain(this IGrainFactory factory, string day) => factory.GetGrain<IAuditLogGrain>(day);

    public static IAuditChunkGrain GetAuditChunkGrain(this IGrainFactory factory, string day, long chunk) => factory.GetGrain<IAuditChunkGrain>(AuditDays.ChunkKey(day, chunk));
}
