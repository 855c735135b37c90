using System.Net;
using Frontline.Abstractions.Streams;
using Frontline.Grains.Common;
using Frontline.Grains.Customers;
using Frontline.Silo.Storage;
using Frontline.Silo.Storage.Postgres;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The cluster profile: silos on 127.0.0.1 that share PostgreSQL through Orleans' ADO.NET providers for membership,
/// grain state and reminders, and the PostgreSQL touch journal. The schema is migrated when a silo starts.
/// </summary>
public static class ClusterProfileExtensions
{
    /// <summary>ADO.NET invariant name of Npgsql, as Orleans' providers know it.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Configures <paramref name="silo"/> as a member of the PostgreSQL-backed cluster described by <paramref name="orleans"/>.</summary>
    public static ISiloBuilder UseFrontlineClusterProfile(this ISiloBuilder silo, string connectionString, OrleansHostOptions orleans)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(orleans);

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
        silo.Services.AddSingleton<ITouchJournal>(_ => new PostgresTouchJournal(connectionString, orleans.ServiceId));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant;
            o.ConnectionString = connectionString;
        });

        // Stream subscriptions belong to live GraphQL connections, which do not outlive their silo either. Memory
        // streams are per silo for now: a durable stream provider is the next step of cluster mode.
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(StreamNames.Provider);
        return silo;
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
