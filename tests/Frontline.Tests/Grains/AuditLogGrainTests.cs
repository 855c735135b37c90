using Frontline.Abstractions;
using Frontline.Abstractions.Audit;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Grains;

/// <summary>The audit log of a day across chunk boundaries: numbering, newest-first pages and chunk sizes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditLogGrainTests(ClusterFixture fixture)
{
    private static AuditEntry Entry(int n) => new()
    {
        At = ClusterFixture.Clock.GetUtcNow(),
        Subject = "s" + n,
        Role = "hq",
        Operation = "recordTouches",
        Outcome = "OK",
    };

    [Fact]
    public async Task Append_PastTwoChunks_PagesWalkBackInOrderAndChunksStayBounded()
    {
        var day = "test-" + Guid.NewGuid().ToString("N");
        var log = fixture.Client.GetAuditLogGrain(day);
        var total = (2 * AuditDays.ChunkSize) + 10;
        for (var n = 0; n < total; n++)
        {
            await log.AppendAsync(Entry(n));
        }

        var seen = new List<string>();
        long? before = null;
        AuditPage page;
        do
        {
            page = await log.ReadAsync(100, before);
            Assert.Equal(total, page.TotalCount);
            seen.AddRange(page.Items.Select(e => e.Subject));
            before = page.FirstSequence - page.Items.Length + 1;
        }
        while (page.HasNextPage);

        Assert.Equal(Enumerable.Range(0, total).Reverse().Select(n => "s" + n), seen);
        Assert.Equal(AuditDays.ChunkSize, (await fixture.Client.GetAuditChunkGrain(day, 0).GetAsync()).Length);
        Assert.Equal(AuditDays.ChunkSize, (await fixture.Client.GetAuditChunkGrain(day, 1).GetAsync()).Length);
        Assert.Equal(10, (await fixture.Client.GetAuditChunkGrain(day, 2).GetAsync()).Length);
    }

    [Fact]
    public async Task Append_ManyAtOnce_GroupedWritesStoreEveryEntryOnceAcrossChunkBoundaries()
    {
        var day = "test-" + Guid.NewGuid().ToString("N");
        var log = fixture.Client.GetAuditLogGrain(day);
        var total = (2 * AuditDays.ChunkSize) + 44;

        // All in flight together: they are stored in a few grouped writes, some spanning two chunks, and every
        // caller returns only once its own entry is stored.
        await Task.WhenAll(Enumerable.Range(0, total).Select(n => log.AppendAsync(Entry(n))));

        var page = await log.ReadAsync(total, null);
        Assert.Equal(total, page.TotalCount);
        Assert.Equal(Enumerable.Range(0, total).Select(n => "s" + n).Order(), page.Items.Select(e => e.Subject).Order());
        var chunks = await Task.WhenAll(Enumerable.Range(0, 3).Select(c => fixture.Client.GetAuditChunkGrain(day, c).GetAsync()));
        Assert.Equal([AuditDays.ChunkSize, AuditDays.ChunkSize, 44], chunks.Select(c => c.Length));
    }

    [Fact]
    public async Task Read_EmptyDayOrZeroFirst_NoItems()
    {
        var log = fixture.Client.GetAuditLogGrain("test-" + Guid.NewGuid().ToString("N"));

        var empty = await log.ReadAsync(10, null);
        await log.AppendAsync(Entry(1));
        var none = await log.ReadAsync(0, null);

        Assert.Equal((0, false), (empty.Items.Length, empty.HasNextPage));
        Assert.Equal((0, 1, true), (none.Items.Length, none.TotalCount, none.HasNextPage));
    }
}
