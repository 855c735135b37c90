using Frontline.Abstractions.Customers;
using Frontline.Grains.Customers;
using Frontline.Silo.Storage.Postgres;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>The PostgreSQL touch journal on a real database: grouped appends, idempotency, exact read-back.</summary>
public sealed class PostgresTouchJournalTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Base = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_ManyCustomersAtOnce_EachReadsBackItsEntriesExactlyInPositionOrder()
    {
        await using var journal = await NewJournalAsync("many");
        var customers = Enumerable.Range(0, 100).Select(c => $"c-{c}").ToArray();

        // Five appends of three entries per customer, all customers at once: the queue groups them into few commits.
        await Task.WhenAll(customers.Select(async customer =>
        {
            for (var append = 0; append < 5; append++)
            {
                await journal.AppendAsync(customer, [.. Enumerable.Range(append * 3 + 1, 3).Select(p => Entry(customer, p))]);
            }
        }));

        foreach (var customer in customers)
        {
            var read = await journal.ReadAfterAsync(customer, 0);
            Assert.Equal(Enumerable.Range(1, 15).Select(p => Entry(customer, p)), read);
        }
    }

    [Fact]
    public async Task AppendAsync_SameEventIdAgain_KeepsTheFirstRowAndSucceeds()
    {
        await using var journal = await NewJournalAsync("dup");
        var first = Entry("dup", 1);
        await journal.AppendAsync("dup", [first]);

        await journal.AppendAsync("dup", [new JournalEntry(9, first.Touch with { Action = "FormSubmitted" }), Entry("dup", 10)]);

        Assert.Equal([first, Entry("dup", 10)], await journal.ReadAfterAsync("dup", 0));
    }

    [Fact]
    public async Task ReadAfterAsync_APosition_ReturnsOnlyLaterEntriesOfThatCustomerAndService()
    {
        await using var journal = await NewJournalAsync("service-a");
        await using var other = await NewJournalAsync("service-b");
        await journal.AppendAsync("shared", [.. Enumerable.Range(1, 6).Select(p => Entry("shared", p))]);
        await journal.AppendAsync("neighbour", [Entry("neighbour", 5)]);
        await other.AppendAsync("shared", [Entry("shared", 6)]);

        Assert.Equal([Entry("shared", 5), Entry("shared", 6)], await journal.ReadAfterAsync("shared", 4));
        Assert.Equal([Entry("shared", 6)], await other.ReadAfterAsync("shared", 0));
        Assert.Empty(await journal.ReadAfterAsync("nobody", 0));
    }

    [Fact]
    public async Task ReadAfterAsync_ManyActivationsAtOnce_EachGetsOnlyItsCustomersRowsAfterItsPosition()
    {
        await using var journal = await NewJournalAsync("wave");
        var customers = Enumerable.Range(0, 300).Select(c => $"w-{c}").ToArray();
        await Task.WhenAll(customers.Select(customer => journal.AppendAsync(customer, [.. Enumerable.Range(1, 6).Select(p => Entry(customer, p))])));

        // A wave of reads, as when an ingest call wakes hundreds of customers: grouped into few statements, each read
        // must still get exactly its own customer's rows after its own position (0-6; the same customer twice too).
        var reads = customers.Select((customer, i) => (Customer: customer, After: (long)(i % 7))).Append(("w-5", 2)).Append(("none", 0)).ToArray();
        var results = await Task.WhenAll(reads.Select(r => journal.ReadAfterAsync(r.Customer, r.After)));

        for (var i = 0; i < reads.Length; i++)
        {
            var (customer, after) = reads[i];
            List<JournalEntry> expected = customer == "none" ? [] : [.. Enumerable.Range((int)after + 1, 6 - (int)after).Select(p => Entry(customer, p))];
            Assert.Equal(expected, results[i]);
        }
    }

    [Fact]
    public async Task AppendAsync_DatabaseUnreachable_FailsTheCallerAndStoresNothing()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var broken = new PostgresTouchJournal(unreachable, "down");

        await Assert.ThrowsAnyAsync<Exception>(() => broken.AppendAsync("lost", [Entry("lost", 1)]));

        await using var journal = await NewJournalAsync("down");
        Assert.Empty(await journal.ReadAfterAsync("lost", 0));
    }

    [Fact]
    public async Task StoreAsync_NewAndStoredRows_SaysWhichWereNewKeepsTheFirstAndEveryReadSeesThem()
    {
        await using var journal = await NewJournalAsync("bulk");
        var first = await journal.StoreAsync([("b1", Entry("b1", 1).Touch), ("b2", Entry("b2", 1).Touch)], ["b1", "b2"]);
        Assert.Equal([true, true], first.Fresh);

        // b1's touch again (changed: the stored one stays), a new one of b1's: the batch takes the ON CONFLICT path.
        var again = await journal.StoreAsync([("b1", Entry("b1", 1).Touch with { Action = "FormSubmitted" }), ("b1", Entry("b1", 2).Touch)], ["b1"]);
        Assert.Equal([false, true], again.Fresh);
        Assert.True(again.BatchId > first.BatchId);

        // Bulk rows carry position 0, so they come back whatever position a snapshot recorded.
        Assert.Equal([Entry("b1", 1).Touch, Entry("b1", 2).Touch], (await journal.ReadAfterAsync("b1", 1_000)).Select(e => e.Touch));
        Assert.All(await journal.ReadAfterAsync("b1", 1_000), e => Assert.Equal(0, e.Position));
        Assert.Equal([Entry("b2", 1).Touch], (await journal.ReadAfterAsync("b2", 0)).Select(e => e.Touch));
    }

    [Fact]
    public async Task TakeStaleBatchesAsync_OnlyUnforgottenBatchesOlderThanTheWait_EachTakenOnceUntilStaleAgain()
    {
        await using var journal = await NewJournalAsync("stale");
        var forgotten = await journal.StoreAsync([("s1", Entry("s1", 1).Touch)], ["s1"]);
        var left = await journal.StoreAsync([("s2", Entry("s2", 1).Touch), ("s3", Entry("s3", 1).Touch)], ["s2", "s3"]);
        await journal.ForgetBatchesAsync([forgotten.BatchId]);

        Assert.Empty(await journal.TakeStaleBatchesAsync(TimeSpan.FromMinutes(5), 10));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        var taken = Assert.Single(await journal.TakeStaleBatchesAsync(TimeSpan.FromMilliseconds(200), 10));
        Assert.Equal(left.BatchId, taken.BatchId);
        Assert.Equal(["s2", "s3"], taken.Customers);

        // Taking re-stamps it: not stale again until the wait has passed once more; forgotten, it is gone.
        Assert.Empty(await journal.TakeStaleBatchesAsync(TimeSpan.FromMilliseconds(200), 10));
        await journal.ForgetBatchesAsync([left.BatchId]);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(await journal.TakeStaleBatchesAsync(TimeSpan.FromMilliseconds(200), 10));
    }

    private async Task<PostgresTouchJournal> NewJournalAsync(string serviceId)
    {
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        return new PostgresTouchJournal(database.ConnectionString, serviceId);
    }

    // Sub-microsecond ticks, a value with decimals on even positions and none on odd ones: the round trip must be exact.
    private static JournalEntry Entry(string customer, long position) => new(position, new JourneyTouch
    {
        EventId = $"{customer}-e{position}",
        Action = position % 3 == 0 ? "DemoDelivered" : "ContentViewed",
        Channel = "Web",
        OccurredAt = Base.AddTicks(position * 10_000_017),
        Value = position % 2 == 0 ? position + 0.125m : null,
        OpportunityId = position % 2 == 0 ? null : "opp-" + position,
    });
}
