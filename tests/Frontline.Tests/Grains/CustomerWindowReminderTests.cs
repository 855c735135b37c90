using Frontline.Abstractions;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Grains.Customers;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Grains;

/// <summary>
/// The customer's window reminder: trailing touches become a null journey once their window has passed, and a
/// conversion that takes them up leaves the reminder for its own tick to remove (not the ingest path).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerWindowReminderTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private static readonly TimeSpan B2CWindow = TimeSpan.FromDays(7);

    [Fact]
    public async Task TrailingTouch_WindowPasses_TickRecordsANullJourney()
    {
        var (customer, region) = await RegisterB2CAsync();
        var touchedAt = ClusterFixture.Clock.GetUtcNow().AddHours(-1);
        await RecordAsync(customer, "ContentViewed", touchedAt);
        Assert.Equal((0d, 0d), await NullsAndConversionsAsync(region));
        Assert.True(await HasWindowReminderAsync(customer));

        await PassAsync(touchedAt + B2CWindow);

        Assert.Equal((1d, 0d), await Eventually.WaitForAsync(() => NullsAndConversionsAsync(region), stats => stats.Nulls == 1));
        Assert.False(await Eventually.WaitForAsync(() => HasWindowReminderAsync(customer), registered => !registered));
    }

    [Fact]
    public async Task Conversion_TakesTheTrailingTouch_ReminderStaysUntilItsTickRemovesIt()
    {
        var (customer, region) = await RegisterB2CAsync();
        var now = ClusterFixture.Clock.GetUtcNow();
        await RecordAsync(customer, "ContentViewed", now.AddHours(-2));
        await RecordAsync(customer, "ContractSigned", now.AddHours(-1));

        // Nothing waits any more, but the conversion did not spend reminder calls on removing it.
        Assert.Equal((0d, 1d), await NullsAndConversionsAsync(region));
        Assert.True(await HasWindowReminderAsync(customer));

        await PassAsync(now.AddHours(-2) + B2CWindow);

        Assert.False(await Eventually.WaitForAsync(() => HasWindowReminderAsync(customer), registered => !registered));
        Assert.Equal((0d, 1d), await NullsAndConversionsAsync(region));
    }

    private async Task<(string Customer, string Region)> RegisterB2CAsync()
    {
        var customer = "window-" + Guid.NewGuid().ToString("N");
        var region = "region-" + customer;
        var registered = await _grains.GetCustomerGrain(customer).RegisterAsync(new RegisterCustomerCommand { Id = customer, Segment = Segment.B2C, Region = region });
        Assert.True(registered.Succeeded);
        return (customer, region);
    }

    private async Task RecordAsync(string customer, string action, DateTimeOffset at)
    {
        var result = await _grains.GetIngestGrain().RecordTouchesAsync(
            [new TouchEnvelope { EventId = customer + "-" + action, CustomerId = customer, Action = action, Channel = "Web", OccurredAt = at, Value = action == "ContractSigned" ? 500 : null, Source = "test" }]);
        Assert.Equal(1, result.Accepted);
    }

    private async Task<(double Nulls, double Conversions)> NullsAndConversionsAsync(string region)
    {
        var stats = await _grains.GetAttributionScopeGrain(AttributionScopes.Region(region)).GetPathStatsAsync(new AttributionQuery());
        return (stats.Nulls, stats.Conversions);
    }

    private async Task<bool> HasWindowReminderAsync(string customer)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(_grains.GetCustomerGrain(customer).GetGrainId());
        return rows.Reminders.Any(r => r.ReminderName == CustomerGrain.WindowReminder);
    }

    /// <summary>Moves the shared fake clock in 6-hour steps until <paramref name="due"/> has passed.</summary>
    private static async Task PassAsync(DateTimeOffset due)
    {
        while (ClusterFixture.Clock.GetUtcNow() <= due)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromHours(6));
            await Task.Delay(10);
        }
    }
}
