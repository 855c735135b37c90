using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Frontline.Silo.Storage;

/// <summary>
/// Grain storage that keeps one JSON file per grain state under
/// <c>{root}/{provider}/{stateName}/{grain}.json</c>. Each file holds the grain id, a version number
/// (the ETag) and the state. Writes replace the file atomically, so a crash leaves the last complete version.
/// </summary>
public sealed partial class FileGrainStorage : IGrainStorage
{
    private const string FileExtension = ".json";
    private const string GrainIdProperty = "grainId";
    private const string VersionProperty = "version";
    private const string StateProperty = "state";

    // Orleans already serializes calls per grain; the stripes make the ETag check and the rename one
    // step within this process even if two activations of a grain briefly coexist, while writes of
    // different grains still run in parallel.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly string _name;
    private readonly string _providerDirectory;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger<FileGrainStorage> _logger;

    public FileGrainStorage(string name, FileStorageOptions options, ILogger<FileGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            throw new OptionsValidationException(name, typeof(FileStorageOptions), [$"{nameof(FileStorageOptions.RootDirectory)} of file storage '{name}' is empty."]);
        }

        _name = name;
        _providerDirectory = Path.Combine(Path.GetFullPath(options.RootDirectory), FileNames.Escape(name));
        _serializer = options.GrainStorageSerializer ?? FileStorageJson.CreateSerializer(orleansOptions: null);
        _logger = logger;
    }

    /// <summary>Creates the provider registered under <paramref name="name"/>, with Orleans' JSON converters.</summary>
    public static FileGrainStorage Create(IServiceProvider services, string name)
    {
        var configured = services.GetRequiredService<IOptionsMonitor<FileStorageOptions>>().Get(name);
        var options = new FileStorageOptions
        {
            RootDirectory = configured.RootDirectory,
            GrainStorageSerializer = configured.GrainStorageSerializer ?? FileStorageJson.CreateSerializer(
                services.GetRequiredService<IOptions<SystemTextJsonGrainStorageSerializerOptions>>().Value.JsonSerializerOptions),
        };
        return new FileGrainStorage(name, options, services.GetRequiredService<ILogger<FileGrainStorage>>());
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = GetPath(stateName, grainId);
        var bytes = await AtomicFile.TryReadAsync(path, cancellationToken);
        if (bytes is null)
        {
            // The state keeps the fresh instance Orleans created; only the metadata says "nothing stored".
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        using var document = Parse(bytes, path, grainId);
        var state = document.RootElement.GetProperty(StateProperty);
        grainState.State = _serializer.Deserialize<T>(BinaryData.FromString(state.GetRawText()));
        grainState.ETag = ReadVersion(document, path).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = GetPath(stateName, grainId);
        var stateJson = _serializer.Serialize(grainState.State);
        var stripe = GetStripe(path);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var storedVersion = await ReadStoredVersionAsync(path, grainId, cancellationToken);
            EnsureETagMatches(stateName, grainId, storedVersion, grainState.ETag, nameof(WriteStateAsync));

            var version = (storedVersion ?? 0) + 1;
            await AtomicFile.WriteAsync(path, CreateRecord(grainId, version, stateJson), cancellationToken);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = GetPath(stateName, grainId);
        var stripe = GetStripe(path);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            // A null ETag means "delete whatever is there" (IStorage.ClearStateAsync contract).
            if (grainState.ETag is not null)
            {
                var storedVersion = await ReadStoredVersionAsync(path, grainId, cancellationToken);
                EnsureETagMatches(stateName, grainId, storedVersion, grainState.ETag, nameof(ClearStateAsync));
            }

            File.Delete(path);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        finally
        {
            stripe.Release();
        }
    }

    private string GetPath(string stateName, GrainId grainId)
        => Path.Combine(_providerDirectory, FileNames.Escape(stateName), FileNames.ForKey(grainId.ToString()) + FileExtension);

    private SemaphoreSlim GetStripe(string path)
        => _stripes[(uint)StringComparer.Ordinal.GetHashCode(path) % (uint)_stripes.Length];

    private void EnsureETagMatches(string stateName, GrainId grainId, long? storedVersion, string? expectedETag, string operation)
    {
        var storedETag = storedVersion?.ToString(CultureInfo.InvariantCulture);
        if (string.Equals(storedETag, expectedETag, StringComparison.Ordinal))
        {
            return;
        }

        LogETagMismatch(_name, stateName, grainId, operation, storedETag, expectedETag);
        throw new InconsistentStateException(
            $"{operation} of state '{stateName}' for grain {grainId} in file storage '{_name}' expected ETag '{expectedETag ?? "<none>"}' but the stored ETag is '{storedETag ?? "<none>"}'.",
            storedETag,
            expectedETag);
    }

    private static async Task<long?> ReadStoredVersionAsync(string path, GrainId grainId, CancellationToken cancellationToken)
    {
        var bytes = await AtomicFile.TryReadAsync(path, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        using var document = Parse(bytes, path, grainId);
        return ReadVersion(document, path);
    }

    private static JsonDocument Parse(byte[] bytes, string path, GrainId grainId)
    {
        var document = JsonDocument.Parse(bytes);
        var storedId = document.RootElement.TryGetProperty(GrainIdProperty, out var id) ? id.GetString() : null;

        // File names carry only a 64-bit hash of the id; the stored id turns a (very unlikely) collision
        // into an error instead of one grain reading another's state.
        if (!string.Equals(storedId, grainId.ToString(), StringComparison.Ordinal))
        {
            document.Dispose();
            throw new InvalidOperationException($"State file '{path}' belongs to grain '{storedId}', not '{grainId}'.");
        }

        return document;
    }

    private static long ReadVersion(JsonDocument document, string path)
        => document.RootElement.TryGetProperty(VersionProperty, out var version) && version.TryGetInt64(out var value)
            ? value
            : throw new InvalidOperationException($"State file '{path}' has no version.");

    private static byte[] CreateRecord(GrainId grainId, long version, BinaryData stateJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString(GrainIdProperty, grainId.ToString());
            writer.WriteNumber(VersionProperty, version);
            writer.WritePropertyName(StateProperty);
            writer.WriteRawValue(stateJson.ToMemory().Span);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "File storage {Provider}: {Operation} of state {StateName} for grain {GrainId} rejected, stored ETag {StoredETag}, expected {ExpectedETag}")]
    private partial void LogETagMismatch(string provider, string stateName, GrainId grainId, string operation, string? storedETag, string? expectedETag);
}
