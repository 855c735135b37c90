using System.Net;
using Frontline.Abstractions.Streams;
using Frontline.Grains.Common;
using Frontline.Grains.Customers;
using Frontline.Grains.Ingestion;
using Frontline.Silo.Ingestion;
using Frontline.Silo.Storage;
using Frontline.Silo.Storage.Postgres;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Streams;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The cluster profile: silos on 127.0.0.1 that share PostgreSQL through Orleans' ADO.NET providers for membership,
/// grain state and reminders, and the PostgreSQL touch journal. The schema is migrated when a silo starts.
/// </summary>
public static class ClusterProfileExtensions
{
    /// <summary>ADO.NET invariant name of Npgsql, as Orleans' providers know it.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>How long the pulling agent keeps retrying the delivery of one ingestion item.</summary>
    public static readonly TimeSpan IngestDeliveryRetryTime = TimeSpan.FromMinutes(10);

    /// <summary>Configures <paramref name="silo"/> as a member of the PostgreSQL-backed cluster described by <paramref name="orleans"/>.</summary>
    public static ISiloBuilder UseFrontlineClusterProfile(this ISiloBuilder silo, string connectionString, OrleansHostOptions orleans)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(orleans);
        connectionString = PooledConnectionString.WithoutSessionReset(connectionString);

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });

        // Loopback only: several silos share one machine in development, tests and benchmarks.
        silo.ConfigureEndpoints(IPAddress.Loopback, orleans.SiloPort, orleans.GatewayPort);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            services => new PostgresSchemaMigrator(connectionString, services.GetRequiredService<ILogger<PostgresSchemaMigrator>>()));

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddPostgresGrainStorage(FrontlineSiloExtensions.DefaultStorageName, connectionString);
        silo.AddPostgresGrainStorage(StorageNames.Frontline, connectionString);

        // Customers acknowledge touches once this journal committed them and write their whole state only now and
        // then (DESIGN §9). The container disposes it, and with it its connection pool, when the silo stops.
        // The bulk endpoint stores its batches in the same journal, customers apply them after (TouchProjector), and a
        // batch a dead silo left half-applied is taken up by the sweeper of another.
        silo.Services.AddSingleton(_ => new PostgresTouchJournal(connectionString, orleans.ServiceId));
        silo.Services.AddSingleton<ITouchJournal>(services => services.GetRequiredService<PostgresTouchJournal>());
        silo.Services.AddSingleton<IBulkTouchStore>(services => services.GetRequiredService<PostgresTouchJournal>());
        silo.Services.AddHostedService<StaleBatchSweeper>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ProjectorDrain>();
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });

        // The "live" provider stays on memory streams (a push nobody received has no one to go to later); ingestion has
        // its own durable provider. The subscriber lists are kept in PostgreSQL, though: a standalone gateway's
        // subscriptions outlive the silo that hosted their rendezvous grain, and with memory storage they would go
        // silent the moment that silo left, even cleanly.
        // Orleans' own types, in Orleans' own default format (not our JSON contract for business state).
        silo.AddAdoNetGrainStorage(StorageNames.PubSub, o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddLiveStreams();
        silo.AddIngestStreams(connectionString);
        return silo;
    }

    /// <summary>
    /// Adds the durable ingestion stream provider (<see cref="StreamNames.Ingest"/>): Orleans' ADO.NET streams on our
    /// queue tables (schema V2). An item is durable once the producer's <c>OnNextAsync</c> returns; delivery is at least
    /// once and the consumer dedupes by event id.
    /// </summary>
    public static ISiloBuilder AddIngestStreams(this ISiloBuilder silo, string connectionString)
        => silo.AddAdoNetStreams(StreamNames.Ingest, streams =>
        {
            streams.ConfigureAdoNet(options => options.Configure(o => ConfigureIngestQueue(o, connectionString)));
            streams.ConfigurePartitioning(StreamNames.IngestPartitions);

            // Only the implicit consumer reads these streams: no per-stream rendezvous grain is needed.
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);

            // A customer grain that cannot store (PostgreSQL restarting) is retried this long before the item is
            // moved to the dead letters, where an operator still finds it.
            streams.ConfigurePullingAgent(options => options.Configure(o => o.MaxEventDeliveryTime = IngestDeliveryRetryTime));
        });

    /// <summary>
    /// The silos' queue settings; integrator clients set the same (README). Producers stamp each message's expiry:
    /// an undelivered touch stays queued for a week (through any outage of the silos), not Orleans' 10 minutes.
    /// </summary>
    public static void ConfigureIngestQueue(AdoNetStreamOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Invariant = NpgsqlInvariant;
        options.ConnectionString = connectionString;
        options.ExpiryTimeout = TimeSpan.FromDays(7);
    }

    /// <summary>
    /// Adds Orleans' ADO.NET grain storage on PostgreSQL under <paramref name="name"/>, with the same System.Text.Json
    /// state format as the embedded file storage (no type names, enums as names).
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, string connectionString)
        => silo.AddAdoNetGrainStorage(name, options => options.Configure<IOptions<SystemTextJsonGrainStorageSerializerOptions>>((o, json) =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = FileStorageJson.CreateSerializer(json.Value.JsonSerializerOptions);
        }));
}
