using System.Globalization;
using Frontline.Silo.Storage;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Frontline.Tests.Storage;

public sealed class FileReminderTableTests : IDisposable
{
    private static readonly DateTime StartAt = new(2026, 5, 1, 8, 30, 0, DateTimeKind.Utc);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UpsertRow_NewRow_ReadRowReturnsItWithReturnedETag()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();

        var eTag = await table.UpsertRow(Entry(grainId, "daily", TimeSpan.FromDays(1)));

        var row = await table.ReadRow(grainId, "daily");
        Assert.NotNull(row);
        Assert.Equal(grainId, row.GrainId);
        Assert.Equal("daily", row.ReminderName);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(TimeSpan.FromDays(1), row.Period);
        Assert.Equal(eTag, row.ETag);
    }

    [Fact]
    public async Task ReadRow_UnknownReminder_ReturnsNull()
    {
        var table = await StartTableAsync();

        Assert.Null(await table.ReadRow(NewGrainId(), "missing"));
    }

    [Fact]
    public async Task UpsertRow_ExistingRow_ReplacesItWithNewETag()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var first = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));

        var second = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(10)));

        var row = await table.ReadRow(grainId, "r");
        Assert.NotEqual(first, second);
        Assert.Equal(second, row?.ETag);
        Assert.Equal(TimeSpan.FromMinutes(10), row?.Period);
        Assert.Single((await table.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var stale = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));
        var current = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));

        Assert.False(await table.RemoveRow(grainId, "r", stale!));

        Assert.Equal(current, (await table.ReadRow(grainId, "r"))?.ETag);
        Assert.Single(ReminderFiles());
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_RemovesRowAndFile()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var eTag = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));

        Assert.True(await table.RemoveRow(grainId, "r", eTag!));

        Assert.Null(await table.ReadRow(grainId, "r"));
        Assert.Empty(ReminderFiles());
        Assert.False(await table.RemoveRow(grainId, "r", eTag!));
    }

    [Fact]
    public async Task RemoveRow_AfterRemoveAndReAdd_OldETagDoesNotRemoveNewRow()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var old = await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));
        await table.RemoveRow(grainId, "r", old!);
        await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromMinutes(5)));

        Assert.False(await table.RemoveRow(grainId, "r", old!));
        Assert.NotNull(await table.ReadRow(grainId, "r"));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsRows()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        await table.UpsertRow(Entry(grainId, "a", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Entry(grainId, "b", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Entry(NewGrainId(), "a", TimeSpan.FromMinutes(5)));

        var rows = (await table.ReadRows(grainId)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grainId, r.GrainId));
    }

    [Fact]
    public async Task ReadRows_RangeBeginBelowEnd_ReturnsHashesAboveBeginUpToEnd()
    {
        var (table, sorted) = await StartTableWithGrainsAsync(20);

        var rows = (await table.ReadRows(sorted[4].GetUniformHashCode(), sorted[9].GetUniformHashCode())).Reminders;

        // (begin, end]: the grain at index 4 is excluded, the one at index 9 included.
        Assert.Equal(sorted[5..10], SortedByHash(rows));
    }

    [Fact]
    public async Task ReadRows_RangeWrapsAround_ReturnsHashesAboveBeginOrUpToEnd()
    {
        var (table, sorted) = await StartTableWithGrainsAsync(20);

        var rows = (await table.ReadRows(sorted[15].GetUniformHashCode(), sorted[2].GetUniformHashCode())).Reminders;

        Assert.Equal([.. sorted[0..3], .. sorted[16..20]], SortedByHash(rows));
    }

    [Fact]
    public async Task ReadRows_BeginEqualsEnd_ReturnsWholeRing()
    {
        var (table, sorted) = await StartTableWithGrainsAsync(10);

        var rows = (await table.ReadRows(sorted[3].GetUniformHashCode(), sorted[3].GetUniformHashCode())).Reminders;

        Assert.Equal(sorted, SortedByHash(rows));
    }

    [Fact]
    public async Task StartAsync_NewInstanceOverSameDirectory_SeesRowsAndIssuesFreshETags()
    {
        var first = await StartTableAsync();
        var grainId = NewGrainId();
        var eTag = await first.UpsertRow(Entry(grainId, "weekly", TimeSpan.FromDays(7)));
        await first.UpsertRow(Entry(NewGrainId(), "other", TimeSpan.FromHours(1)));

        var second = await StartTableAsync();

        var row = await second.ReadRow(grainId, "weekly");
        Assert.NotNull(row);
        Assert.Equal(eTag, row.ETag);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromDays(7), row.Period);
        Assert.Equal(2, (await second.ReadRows(0, 0)).Reminders.Count);

        var next = await second.UpsertRow(Entry(NewGrainId(), "new", TimeSpan.FromHours(1)));
        Assert.True(long.Parse(next!, CultureInfo.InvariantCulture) > long.Parse(eTag!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task StartAsync_StrayTempFileFromCrash_IsIgnored()
    {
        var first = await StartTableAsync();
        var grainId = NewGrainId();
        await first.UpsertRow(Entry(grainId, "r", TimeSpan.FromHours(1)));
        var file = Assert.Single(ReminderFiles());
        await File.WriteAllTextAsync($"{file}.0123456789abcdef0123456789abcdef.tmp", "{\"grainId\":");

        var second = await StartTableAsync();

        Assert.Single((await second.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task TestOnlyClearTable_WithRows_RemovesRowsAndFiles()
    {
        var table = await StartTableAsync();
        await table.UpsertRow(Entry(NewGrainId(), "r", TimeSpan.FromHours(1)));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
        Assert.Empty(ReminderFiles());
        Assert.Empty((await (await StartTableAsync()).ReadRows(0, 0)).Reminders);
    }

    private async Task<FileReminderTable> StartTableAsync()
    {
        var table = new FileReminderTable(new FileStorageOptions { RootDirectory = _directory.Path }, NullLogger<FileReminderTable>.Instance);
        await table.StartAsync();
        return table;
    }

    private async Task<(FileReminderTable Table, GrainId[] SortedByHash)> StartTableWithGrainsAsync(int count)
    {
        var table = await StartTableAsync();
        var grainIds = Enumerable.Range(0, count).Select(_ => NewGrainId()).ToArray();
        foreach (var grainId in grainIds)
        {
            await table.UpsertRow(Entry(grainId, "r", TimeSpan.FromHours(1)));
        }

        return (table, grainIds.OrderBy(g => g.GetUniformHashCode()).ToArray());
    }

    private static GrainId[] SortedByHash(IEnumerable<ReminderEntry> rows)
        => rows.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode()).ToArray();

    private string[] ReminderFiles() => Directory.Exists(_directory.Path) ? Directory.GetFiles(_directory.Path, "*.json") : [];

    private static GrainId NewGrainId() => GrainId.Create("sample", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grainId, string name, TimeSpan period) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = StartAt,
        Period = period,
    };
}
