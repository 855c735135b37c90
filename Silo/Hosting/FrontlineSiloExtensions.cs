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

    /// <summary>Memory stream provider of the embedded mode.</summary>
    public const string StreamProviderName = StreamNames.Provider;

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

        var frontlineSection = builder.Configuration.GetSection(FrontlineOptions.SectionName);
        var orleansSection = builder.Configuration.GetSection(OrleansHostOptions.SectionName);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        builder.Services.AddOptions<FrontlineOptions>()
            .Bind(frontlineSection)
            .Validate(o => FrontlineProfiles.IsKnown(o.Profile), $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Profile)} must be '{FrontlineProfiles.Embedded}' or '{FrontlineProfiles.Cluster}'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.DataDirectory)} must not be empty.")
            .Validate(
                o => !FrontlineProfiles.IsCluster(o.Profile) || !string.IsNullOrWhiteSpace(connectionString),
                $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.Profile)} is '{FrontlineProfiles.Cluster}' but ConnectionStrings:{ConnectionStringName} is not set: pass --ConnectionStrings:{ConnectionStringName} \"Host=127.0.0.1;Port=55432;Database=frontline;Username=postgres\" (scripts/postgres url prints it).")
            .ValidateOnStart();
        builder.Services.AddOptions<OrleansHostOptions>()
            .Configure<IOptions<FrontlineOptions>>((o, frontline) => (o.SiloPort, o.GatewayPort) = (frontline.Value.SiloPort, frontline.Value.GatewayPort))
            .Bind(orleansSection)
            .Validate(o => IsPort(o.SiloPort) && IsPort(o.GatewayPort) && o.SiloPort != o.GatewayPort, $"{OrleansHostOptions.SectionName}: {nameof(OrleansHostOptions.SiloPort)} and {nameof(OrleansHostOptions.GatewayPort)} must be distinct values in 1-65535.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClusterId), $"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.ClusterId)} must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceId), $"{OrleansHostOptions.SectionName}:{nameof(OrleansHostOptions.ServiceId)} must not be empty.")
            .ValidateOnStart();

        // The profile and the ports shape the silo while it is being configured, before options are resolved; the
        // same values are validated on start, which reports a bad one with the message above.
        var frontline = frontlineSection.Get<FrontlineOptions>() ?? new FrontlineOptions();
        var orleans = new OrleansHostOptions { SiloPort = frontline.SiloPort, GatewayPort = frontline.GatewayPort };
        orleansSection.Bind(orleans);

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
        silo.AddMemoryStreams(StreamProviderName);

        // The ingestion stream exists here too, so an integrator's client code is the same in both profiles; memory
        // streams lose what was queued if the process dies, which the embedded profile accepts.
        silo.AddMemoryStreams(StreamNames.Ingest);
        return silo;
    }

    private static bool IsPort(int port) => port is > 0 and <= 65535;

    // Read through options rather than at registration time, so an invalid DataDirectory is reported
    // by ValidateOnStart with a clear message instead of an exception while building the host.
    private static Action<OptionsBuilder<FileStorageOptions>> FromDataDirectory(Func<FrontlineOptions, string> directory)
        => options => options.Configure<IOptions<FrontlineOptions>>((storage, frontline) => storage.RootDirectory = directory(frontline.Value));
}
