using Frontline.Grains.Attribution;
using Frontline.Grains.Customers;
using Frontline.Grains.Ingestion;
using Frontline.Grains.Opportunities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Frontline.Grains;

/// <summary>
/// Registers the domain's options, bound from configuration, and the embedded touch journal unless the host registered
/// another, for every silo that hosts Frontline grains.
/// </summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddFrontlineGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActionCatalogueOptions>().Bind(configuration.GetSection(ActionCatalogueOptions.Section))
            .Validate(o => o.Actions.Count > 0 && o.ConversionActions.All(o.Actions.Contains), "every conversion action must be in the action catalogue")
            .ValidateOnStart();
        services.AddOptions<AttributionOptions>().Bind(configuration.GetSection(AttributionOptions.Section))
            .Validate(o => o.B2BWindow > TimeSpan.Zero && o.B2CWindow > TimeSpan.Zero, "attribution windows must be positive")
            .ValidateOnStart();
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section))
            // The host checks the period against its reminder service's minimum (a minute unless configured lower).
            .Validate(o => o.Period > TimeSpan.Zero && o.StallThreshold >= 1, "follow-up period must be positive and the stall threshold at least 1")
            .ValidateOnStart();
        services.AddOptions<BulkIngestOptions>().Bind(configuration.GetSection(BulkIngestOptions.Section))
            .Validate(o => o.ProjectorCalls >= 1, "Frontline:Ingest:ProjectorCalls must be at least 1")
            .Validate(o => o.IdleProjectorCalls >= 1, "Frontline:Ingest:IdleProjectorCalls must be at least 1")
            .Validate(o => o.MaxBacklog >= 1, "Frontline:Ingest:MaxBacklog must be at least 1")
            .Validate(o => o.RoomWait > TimeSpan.Zero, "Frontline:Ingest:RoomWait must be positive")
            .Validate(o => o.StaleBatchAfter > TimeSpan.Zero, "Frontline:Ingest:StaleBatchAfter must be positive")
            .Validate(o => o.SweepEvery > TimeSpan.Zero, "Frontline:Ingest:SweepEvery must be positive")
            .Validate(o => o.DrainOnStop >= TimeSpan.Zero, "Frontline:Ingest:DrainOnStop may not be negative")
            .ValidateOnStart();
        services.AddOptions<TouchJournalOptions>().Bind(configuration.GetSection(TouchJournalOptions.Section))
            .Validate(o => o.SnapshotEvery >= 1, "the journal's SnapshotEvery must be at least 1")
            .ValidateOnStart();

        // One validator per silo: it only reads the catalogue, and the stream consumer is one grain per customer.
        services.TryAddSingleton(sp => new TouchValidator(sp.GetRequiredService<IOptions<ActionCatalogueOptions>>().Value));
        services.TryAddSingleton<TouchCoalescer>();
        services.TryAddSingleton<TouchProjector>();

        // The embedded default: none, so the bulk endpoint goes through the customers (RecordTouchesAsync).
        services.TryAddSingleton<IBulkTouchStore, NoBulkTouchStore>();

        // The embedded default; the cluster profile registers its PostgreSQL journal before this runs.
        services.TryAddSingleton<ITouchJournal, StateOnlyTouchJournal>();
        return services;
    }
}
