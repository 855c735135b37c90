using Frontline.Silo.Storage;
using Frontline.Abstractions.Streams;
using Frontline.Grains;
using Frontline.Grains.Common;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>The Orleans hosting of Frontline: the embedded profile (one localhost silo, file storage) or the cluster profile.</summary>
public static class FrontlineSiloExtensions
{
    /// <summary>Storage provider used by grains that name none.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>Storage provider Orleans streams keep their subscriptions in.</summary>
    public const string PubSubStorageName = StorageNames.PubSub;

    /// <summary>Name of the PostgreSQL connection string (<c>ConnectionStrings:Frontline</c>) of the cluster profile.</summary>
    public const string ConnectionStringName = "Frontline";

    /// <summary>
    /// Binds and validates <see cref="FrontlineOptions"/> and <see cref="OrleansHostOptions"/> and starts a silo in
    /// the profile <c>Frontline:Profile</c> names. <paramref name="configureSilo"/> lets other features (grains,
    /// GraphQL) add their own silo setup.
    /// </summary>
    public static TBuilder AddFrontlineSilo<TBuilder>(this TBuilder builder, Action<ISiloBuilder>? configureSilo = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var (frontline, orleans, connectionString) = builder.AddFrontlineHostOptions();

        // Before the silo joins: a running silo on the same port would be declared dead by this one (see SiloPortCheck).
        SiloPortCheck.EnsureUsable(orleans, probeBind: FrontlineProfiles.IsCluster(frontline.Profile));
        builder.UseOrleans(silo =>
        {
            if (FrontlineProfiles.IsCluster(frontline.Profile) && !string.IsNullOrWhiteSpace(connectionString))
            {
                silo.UseFrontlineClusterProfile(connectionString, orleans);
            }
            else
            {
                silo.UseEmbeddedProfile(orleans);
            }

            silo.UseFrontlineTuning(builder.Configuration);
            silo.Services.AddStorageFailureSerialization();
            silo.Services.AddFrontlineGrains(builder.Configuration);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }

    private static ISiloBuilder UseEmbeddedProfile(this ISiloBuilder silo, OrleansHostOptions orleans)
    {
        silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort);
        silo.AddFileGrainStorage(DefaultStorageName, FromDataDirectory(o => o.StateDirectory));
        silo.AddFileGrainStorage(StorageNames.Frontline, FromDataDirectory(o => o.StateDirectory));

        // Stream subscriptions belong to live GraphQL connections, which do not survive a restart either.
        silo.AddMemoryGrainStorage(PubSubStorageName);
        silo.UseFileReminderService(FromDataDirectory(o => o.RemindersDirectory));
        silo.AddLiveStreams();

        // The ingestion stream exists here too, so an integrator's client code is the same in both profiles; memory
        // streams lose what was queued if the process dies, which the embedded profile accepts.
        silo.AddMemoryStreams(StreamNames.Ingest);
        return silo;
    }

    // Read through options rather than at registration time, so an invalid DataDirectory is reported
    // by ValidateOnStart with a clear message instead of an exception while building the host.
    private static Action<OptionsBuilder<FileStorageOptions>> FromDataDirectory(Func<FrontlineOptions, string> directory)
        => options => options.Configure<IOptions<FrontlineOptions>>((storage, frontline) => storage.RootDirectory = directory(frontline.Value));
}
