using Orleans.Storage;

namespace Frontline.Silo.Storage;

/// <summary>Options of one file-backed store (a grain storage provider or the reminder table).</summary>
public sealed class FileStorageOptions
{
    /// <summary>Directory that holds the store's files; created on first write.</summary>
    public string RootDirectory { get; set; } = "";

    /// <summary>
    /// Serializer of grain state; null means System.Text.Json without type names and with enums as
    /// strings, so stored state stays a readable, versionable contract. Not used by the reminder table.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }
}
