using Frontline.Silo.Hosting;
using Frontline.Tests.Infrastructure;
using Frontline.Tests.Storage.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Frontline.Tests.Storage;

/// <summary>Grain state and reminders written by one cluster are there for the next cluster over the same directory.</summary>
public sealed class ClusterRestartTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _directory = new();

    // One clock for both clusters, as wall-clock time continues across a real restart.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Restart_SameDirectory_KeepsStateAndReminderAndReminderFires()
    {
        var key = Guid.NewGuid().ToString("N");

        await using (var first = await StartClusterAsync())
        {
            var grain = first.Client.GetGrain<IDurableCounterGrain>(key);
            await grain.IncrementAsync();
            Assert.Equal(2, await grain.IncrementAsync());
            await grain.StartTickingAsync(Period);
            await first.StopAllSilosAsync();
        }

        Assert.Single(Directory.GetFiles(_directory.Combine("reminders"), "*.json"));

        await using var second = await StartClusterAsync();
        var restarted = second.Client.GetGrain<IDurableCounterGrain>(key);

        Assert.Equal(new DurableCounterState { Count = 2, Ticks = 0 }, await restarted.GetStateAsync());
        Assert.Equal(DurableCounterGrain.TickReminder, await restarted.GetTickReminderAsync());

        Assert.True(await AdvanceUntilTickAsync(key), "The reminder registered before the restart did not fire after it.");
        Assert.Equal(new DurableCounterState { Count = 2, Ticks = 1 }, await restarted.GetStateAsync());
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddFileGrainStorage(DurableCounterGrain.StorageName, _directory.Combine("state"));
            silo.UseFileReminderService(_directory.Combine("reminders"));
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _time);
            silo.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, _time);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task<bool> AdvanceUntilTickAsync(string key)
    {
        // The reminder was registered with due time = period at the clock's start, so one period ahead
        // is when it is due. Later one-minute steps only cover a reminder service that loaded the table
        // after the first jump; the real-time wait per step covers message delivery, not time passing.
        _time.Advance(Period);
        for (var step = 0; step < 20; step++)
        {
            if (await ReminderTicks.WaitAsync(key, TimeSpan.FromSeconds(1)))
            {
                return true;
            }

            _time.Advance(TimeSpan.FromMinutes(1));
        }

        return false;
    }
}
