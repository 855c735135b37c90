using Frontline.Silo.Storage;
using Frontline.Abstractions.Streams;
using Frontline.Grains;
using Frontline.Grains.Common;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>The Orleans hosting profile of Frontline's embedded mode: one localhost silo with file-backed storage.</summary>
public static class FrontlineSiloExtensions
{
    /// <summary>Storage provider used by grains that name none.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>Storage provider Orleans streams keep their subscriptions in.</summary>
    public const string PubSubStorageName = StorageNames.PubSub;

    /// <summary>Memory stream provider of the embedded mode.</summary>
    public const string StreamProviderName = StreamNames.Provider;

    /// <summary>
    /// Binds and validates <see cref="FrontlineOptions"/> and starts a localhost silo with the file grain
    /// storage (as "Default" and "PubSubStore"), the file reminder table and memory streams.
    /// <paramref name="configureSilo"/> lets other features (grains, GraphQL) add their own silo setup.
    /// </summary>
    public static TBuilder AddFrontlineSilo<TBuilder>(this TBuilder builder, Action<ISiloBuilder>? configureSilo = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var section = builder.Configuration.GetSection(FrontlineOptions.SectionName);
        builder.Services.AddOptions<FrontlineOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), $"{FrontlineOptions.SectionName}:{nameof(FrontlineOptions.DataDirectory)} must not be empty.")
            .Validate(o => IsPort(o.SiloPort) && IsPort(o.GatewayPort) && o.SiloPort != o.GatewayPort, $"{FrontlineOptions.SectionName}: silo and gateway ports must be distinct values in 1-65535.")
            .ValidateOnStart();

        // Clustering needs the ports while the silo is being configured, before options are resolved.
        var ports = section.Get<FrontlineOptions>() ?? new FrontlineOptions();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort);
            silo.AddFileGrainStorage(DefaultStorageName, FromDataDirectory(o => o.StateDirectory));
            silo.AddFileGrainStorage(StorageNames.Frontline, FromDataDirectory(o => o.StateDirectory));

            // Stream subscriptions belong to live GraphQL connections, which do not survive a restart either.
            silo.AddMemoryGrainStorage(PubSubStorageName);
            silo.UseFileReminderService(FromDataDirectory(o => o.RemindersDirectory));
            silo.AddMemoryStreams(StreamProviderName);
            silo.Services.AddFrontlineGrains(builder.Configuration);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }

    private static bool IsPort(int port) => port is > 0 and <= 65535;

    // Read through options rather than at registration time, so an invalid DataDirectory is reported
    // by ValidateOnStart with a clear message instead of an exception while building the host.
    private static Action<OptionsBuilder<FileStorageOptions>> FromDataDirectory(Func<FrontlineOptions, string> directory)
        => options => options.Configure<IOptions<FrontlineOptions>>((storage, frontline) => storage.RootDirectory = directory(frontline.Value));
}
