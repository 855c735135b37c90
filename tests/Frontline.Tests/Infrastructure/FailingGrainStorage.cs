using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// Grain storage in memory that refuses the writes of chosen grains while <see cref="FailWritesOf"/> says so: a
/// stand-in for a grain whose silo or database is gone, so that tests can reach the moment after one grain has
/// stored a change and before another has.
/// </summary>
public sealed class FailingGrainStorage : IGrainStorage
{
    // Kept as JSON, as the real storages keep it, so every read is a fresh copy.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] State, string ETag)> _stored = new();
    private long _version;

    /// <summary>Grains whose writes fail while it returns true; null lets every write through.</summary>
    public Func<GrainId, bool>? FailWritesOf { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_stored.TryGetValue((stateName, grainId), out var stored))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (JsonSerializer.Deserialize<T>(stored.State, Json)!, stored.ETag, true);
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWritesOf?.Invoke(grainId) == true)
        {
            throw new InvalidOperationException($"storage refuses the write of {grainId} (test)");
        }

        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _stored[(stateName, grainId)] = (JsonSerializer.SerializeToUtf8Bytes(grainState.State, Json), etag);
        (grainState.ETag, grainState.RecordExists) = (etag, true);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _stored.TryRemove((stateName, grainId), out _);
        (grainState.ETag, grainState.RecordExists) = (null, false);
        return Task.CompletedTask;
    }
}
