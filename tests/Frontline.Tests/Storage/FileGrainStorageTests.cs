using System.Collections.Immutable;
using Frontline.Silo.Storage;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Frontline.Tests.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private const string ProviderName = "store";
    private const string StateName = "s";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteStateAsync_ThenReadInNewInstance_ReturnsEqualStateAndETag()
    {
        var grainId = NewGrainId();
        var written = new GrainState<SampleState>(Sample("first"));
        await CreateStorage().WriteStateAsync(StateName, grainId, written);

        var read = new GrainState<SampleState>(Sample("placeholder"));
        await CreateStorage().ReadStateAsync(StateName, grainId, read);

        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        AssertSameState(written.State, read.State);
    }

    [Fact]
    public async Task ReadStateAsync_NothingStored_KeepsStateAndReportsNoRecord()
    {
        var initial = Sample("initial");
        var read = new GrainState<SampleState>(initial) { ETag = "stale", RecordExists = true };

        await CreateStorage().ReadStateAsync(StateName, NewGrainId(), read);

        Assert.Same(initial, read.State);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_SecondWrite_IncrementsETag()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        var state = new GrainState<SampleState>(Sample("first"));

        await storage.WriteStateAsync(StateName, grainId, state);
        state.State = Sample("second");
        await storage.WriteStateAsync(StateName, grainId, state);

        var read = new GrainState<SampleState>(Sample("placeholder"));
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Equal("2", state.ETag);
        Assert.Equal("2", read.ETag);
        Assert.Equal("second", read.State?.Name);
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateAndLeavesFileUnchanged()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        var current = new GrainState<SampleState>(Sample("current"));
        await storage.WriteStateAsync(StateName, grainId, current);
        var file = Assert.Single(StateFiles());
        var before = await File.ReadAllBytesAsync(file);

        var stale = new GrainState<SampleState>(Sample("stale")) { ETag = "7" };
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal("1", exception.StoredEtag);
        Assert.Equal("7", exception.CurrentEtag);
        Assert.Equal("7", stale.ETag);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.Equal([file], StateFiles());
    }

    [Fact]
    public async Task WriteStateAsync_FirstWriteWithETag_ThrowsInconsistentState()
    {
        var state = new GrainState<SampleState>(Sample("first")) { ETag = "1" };

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => CreateStorage().WriteStateAsync(StateName, NewGrainId(), state));

        Assert.Null(exception.StoredEtag);
        Assert.Empty(StateFiles());
    }

    [Fact]
    public async Task WriteStateAsync_ExistingRecordWithNullETag_ThrowsInconsistentState()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<SampleState>(Sample("first")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, new GrainState<SampleState>(Sample("racing first write"))));
    }

    [Fact]
    public async Task ClearStateAsync_MatchingETag_RemovesFileAndRecord()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        var state = new GrainState<SampleState>(Sample("first"));
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        var read = new GrainState<SampleState>(Sample("placeholder"));
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Empty(StateFiles());
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_ThrowsInconsistentStateAndKeepsFile()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        var state = new GrainState<SampleState>(Sample("first"));
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.WriteStateAsync(StateName, grainId, state);

        var stale = new GrainState<SampleState>(Sample("stale")) { ETag = "1", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Single(StateFiles());
    }

    [Fact]
    public async Task ClearStateAsync_AfterClear_NextWriteStartsFromNullETag()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        var state = new GrainState<SampleState>(Sample("first"));
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.ClearStateAsync(StateName, grainId, state);

        state.State = Sample("again");
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task ReadStateAsync_StrayTempFileFromCrash_ReturnsLastCompleteState()
    {
        var storage = CreateStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<SampleState>(Sample("committed")));
        var file = Assert.Single(StateFiles());

        // What a crash between creating the temp file and renaming it leaves behind: a torn write.
        await File.WriteAllTextAsync($"{file}.0123456789abcdef0123456789abcdef.tmp", "{\"grainId\":\"torn");

        var read = new GrainState<SampleState>(Sample("placeholder"));
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Equal("committed", read.State?.Name);
        Assert.Equal("1", read.ETag);

        read.State = Sample("next");
        await CreateStorage().WriteStateAsync(StateName, grainId, read);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_ManyGrainsConcurrently_AllReadBack()
    {
        var storage = CreateStorage();
        var grainIds = Enumerable.Range(0, 200).Select(i => NewGrainId($"grain-{i}")).ToArray();

        await Task.WhenAll(grainIds.Select(async (grainId, i) =>
        {
            var state = new GrainState<SampleState>(Sample($"state-{i}"));
            await storage.WriteStateAsync(StateName, grainId, state);
            state.State = Sample($"state-{i}-v2");
            await storage.WriteStateAsync(StateName, grainId, state);
        }));

        var reader = CreateStorage();
        for (var i = 0; i < grainIds.Length; i++)
        {
            var read = new GrainState<SampleState>(Sample("placeholder"));
            await reader.ReadStateAsync(StateName, grainIds[i], read);
            Assert.Equal($"state-{i}-v2", read.State?.Name);
            Assert.Equal("2", read.ETag);
        }

        Assert.Equal(200, StateFiles().Length);
    }

    [Fact]
    public async Task WriteStateAsync_KeysDifferingOnlyInCaseOrUnsafeCharacters_StoredInSeparateFiles()
    {
        var storage = CreateStorage();
        string[] keys = ["Acme", "acme", "a/b", "a_2fb", "..", "über kunde", new string('x', 400)];

        foreach (var key in keys)
        {
            await storage.WriteStateAsync(StateName, NewGrainId(key), new GrainState<SampleState>(Sample(key)));
        }

        var reader = CreateStorage();
        foreach (var key in keys)
        {
            var read = new GrainState<SampleState>(Sample("placeholder"));
            await reader.ReadStateAsync(StateName, NewGrainId(key), read);
            Assert.Equal(key, read.State?.Name);
        }

        var files = StateFiles();
        Assert.Equal(keys.Length, files.Length);
        Assert.All(files, file => Assert.Equal(_directory.Combine(Path.Combine(ProviderName, StateName)), Path.GetDirectoryName(file)));
        Assert.All(files, file => Assert.True(Path.GetFileName(file).Length <= 200, file));
    }

    [Fact]
    public async Task WriteStateAsync_StoredJson_HasNoTypeNamesAndEnumsAsNames()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync(StateName, NewGrainId(), new GrainState<SampleState>(Sample("json")));

        var json = await File.ReadAllTextAsync(Assert.Single(StateFiles()));

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Frontline.Tests", json, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Active\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\":1", json, StringComparison.Ordinal);
    }

    private FileGrainStorage CreateStorage()
        => new(ProviderName, new FileStorageOptions { RootDirectory = _directory.Path }, NullLogger<FileGrainStorage>.Instance);

    private string[] StateFiles()
        => Directory.Exists(_directory.Combine(ProviderName))
            ? Directory.GetFiles(_directory.Path, "*.json", SearchOption.AllDirectories)
            : [];

    private static GrainId NewGrainId(string? key = null) => GrainId.Create("sample", key ?? Guid.NewGuid().ToString("N"));

    private static SampleState Sample(string name) => new()
    {
        Name = name,
        Status = SampleStatus.Active,
        Amount = 1234567.89m,
        UpdatedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)),
        Tags = ["b2b", "emea"],
        Counts = ImmutableDictionary<string, int>.Empty.Add("touches", 3).Add("wins", 1),
        Note = null,
    };

    private static void AssertSameState(SampleState? expected, SampleState? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);

        // Records compare ImmutableArray members by reference, so collections are compared element-wise.
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Amount, actual.Amount);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.UpdatedAt.Offset, actual.UpdatedAt.Offset);
        Assert.Equal(expected.Tags.ToArray(), actual.Tags.ToArray());
        Assert.Equal(expected.Counts.OrderBy(p => p.Key), actual.Counts.OrderBy(p => p.Key));
        Assert.Equal(expected.Note, actual.Note);
    }
}
