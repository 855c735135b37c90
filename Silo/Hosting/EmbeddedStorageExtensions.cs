using Frontline.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace Frontline.Silo.Hosting;

/// <summary>Registers the file-backed grain storage and reminder table used by the embedded (single-silo) mode.</summary>
public static class EmbeddedStorageExtensions
{
    /// <summary>Adds a file grain storage provider named <paramref name="name"/> that keeps its files under <paramref name="rootDirectory"/>.</summary>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string name, string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        return builder.AddFileGrainStorage(name, options => options.Configure(o => o.RootDirectory = rootDirectory));
    }

    /// <summary>Adds a file grain storage provider named <paramref name="name"/>, configured through its named options.</summary>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<FileStorageOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);

        // Named options, resolved by the provider's name, as Orleans' own providers do.
        configureOptions(builder.Services.AddOptions<FileStorageOptions>(name));
        builder.Services.AddGrainStorage(name, FileGrainStorage.Create);
        return builder;
    }

    /// <summary>Enables reminders stored as files under <paramref name="rootDirectory"/>.</summary>
    public static ISiloBuilder UseFileReminderService(this ISiloBuilder builder, string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        return builder.UseFileReminderService(options => options.Configure(o => o.RootDirectory = rootDirectory));
    }

    /// <summary>Enables reminders stored as files, configured through the <see cref="FileReminderTable.OptionsName"/> options.</summary>
    public static ISiloBuilder UseFileReminderService(this ISiloBuilder builder, Action<OptionsBuilder<FileStorageOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);

        configureOptions(builder.Services.AddOptions<FileStorageOptions>(FileReminderTable.OptionsName));
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(FileReminderTable.Create);
        return builder;
    }
}
