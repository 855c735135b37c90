using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Tests.Attribution;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class IngestGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private static TouchEnvelope Touch(string customer, string eventId, DateTimeOffset at, string channel = "Facebook", string action = "ContentViewed", decimal? value = null) =>
        new() { EventId = eventId, CustomerId = customer, Action = action, Channel = channel, OccurredAt = at, Value = value, Source = "test" };

    [Fact]
    public async Task RecordTouches_SameBatchTwice_SecondAllDuplicates()
    {
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var now = ClusterFixture.Clock.GetUtcNow();
        ImmutableArray<TouchEnvelope> batch = [Touch(customer, customer + "-1", now.AddHours(-3)), Touch(customer, customer + "-2", now.AddHours(-2))];

        var first = await _grains.GetIngestGrain().RecordTouchesAsync(batch);
        var second = await _grains.GetIngestGrain().RecordTouchesAsync(batch);

        Assert.Equal((2, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 2), (second.Accepted, second.Duplicates));
        Assert.Equal(2, (await _grains.GetCustomerGrain(customer).GetJourneyAsync()).Length);
    }

    [Fact]
    public async Task RecordTouches_ConcurrentBatchesForOneCustomer_EachTouchStoredOnceAndCountedOnce()
    {
        // Concurrent batches share customer calls (TouchCoalescer): overlapping event ids must still count once in all.
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var now = ClusterFixture.Clock.GetUtcNow();
        var batches = Enumerable.Range(0, 8)
            .Select(b => Enumerable.Range(b * 5, 10).Select(i => Touch(customer, $"{customer}-{i}", now.AddMinutes(-100 + i))).ToImmutableArray())
            .ToList();

        var results = await Task.WhenAll(batches.Select(batch => _grains.GetIngestGrain().RecordTouchesAsync(batch)));

        // Event ids 0..44: 45 distinct among 80 lines.
        Assert.Equal(45, results.Sum(r => r.Accepted));
        Assert.Equal(35, results.Sum(r => r.Duplicates));
        Assert.All(results, r => Assert.Equal(10, r.Accepted + r.Duplicates));
        var journey = await _grains.GetCustomerGrain(customer).GetJourneyAsync();
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"{customer}-{i}"), journey.Select(t => t.EventId));
    }

    [Fact]
    public async Task RecordTouches_OutOfOrder_JourneyInTimeOrder()
    {
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var now = ClusterFixture.Clock.GetUtcNow();

        await _grains.GetIngestGrain().RecordTouchesAsync([Touch(customer, "late", now.AddHours(-1))]);
        await _grains.GetIngestGrain().RecordTouchesAsync([Touch(customer, "early", now.AddHours(-5)), Touch(customer, "middle", now.AddHours(-3))]);

        Assert.Equal(["early", "middle", "late"], (await _grains.GetCustomerGrain(customer).GetJourneyAsync()).Select(t => t.EventId));
    }

    [Fact]
    public async Task RecordTouches_BadItems_RejectedWithIndexAndFieldOthersLand()
    {
        var customer = "c-" + Guid.NewGuid().ToString("N");
        var now = ClusterFixture.Clock.GetUtcNow();
        ImmutableArray<TouchEnvelope> batch =
        [
            Touch(customer, customer + "-ok", now.AddHours(-1)),
            Touch(customer, customer + "-bad-action", now, action: "Teleported"),
            Touch(customer, "", now),
            Touch(customer, customer + "-future", now.AddDays(2)),
            Touch(customer, customer + "-negative", now, action: "ContractSigned", value: -5),
        ];

        var result = await _grains.GetIngestGrain().RecordTouchesAsync(batch);

        Assert.Equal(1, result.Accepted);
        Assert.Equal([(1, "action"), (2, "eventId"), (3, "occurredAt"), (4, "value")], result.Rejected.Select(r => (r.Index, r.Field)));
        Assert.Equal([customer + "-ok"], (await _grains.GetCustomerGrain(customer).GetJourneyAsync()).Select(t => t.EventId));
    }

    [Fact]
    public async Task RecordTouches_GoldenCaseB_LinearCreditsThroughGrains()
    {
        // Each converting journey of case B is one customer; a late-arriving touch must still be credited.
        var scope = "unit/golden-" + Guid.NewGuid().ToString("N");
        var unit = scope["unit/".Length..];
        await _grains.GetUnitGrain(unit).RegisterAsync(new() { Id = unit, Name = "Golden" });
        var at = ClusterFixture.Clock.GetUtcNow().AddDays(-1);
        var n = 0;
        foreach (var (path, conversions, _) in GoldenPaths.CaseB)
        {
            for (var c = 0; c < conversions; c++)
            {
                var customer = $"{unit}-{n++}";
                await _grains.GetCustomerGrain(customer).RegisterAsync(new RegisterCustomerCommand { Id = customer, Segment = Segment.B2C, UnitId = unit });
                var steps = GoldenPaths.Steps(path);
                var touches = steps.Select((s, i) => Touch(customer, $"{customer}-t{i}", at.AddHours(i - steps.Count), channel: s)).ToList();
                await _grains.GetIngestGrain().RecordTouchesAsync([.. touches.Skip(1), Touch(customer, $"{customer}-conv", at, action: "ContractSigned", value: 1)]);
                await _grains.GetIngestGrain().RecordTouchesAsync([touches[0]]);
            }
        }

        var report = await _grains.GetAttributionScopeGrain(scope).GetReportAsync(new AttributionQuery { Model = AttributionModel.Linear });

        Assert.Equal(10, report.Conversions);
        Assert.Equal(2, report.Credits.Single(c => c.Key == "direct").Conversions, 9);
        Assert.Equal(19.0 / 6, report.Credits.Single(c => c.Key == "search").Conversions, 9);
        Assert.Equal(19.0 / 6, report.Credits.Single(c => c.Key == "email").Conversions, 9);
        Assert.Equal(5.0 / 3, report.Credits.Single(c => c.Key == "social").Conversions, 9);
    }
}
