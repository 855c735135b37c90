using Frontline.Abstractions;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Streams;
using Frontline.Abstractions.Units;
using Frontline.Grains;
using Frontline.Grains.Common;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Frontline.Tests.Grains;

/// <summary>
/// An opportunity whose change is stored but whose unit could not take it (the unit's silo or storage gone) brings
/// the unit up to date later: on a repeated command, and by itself while it stays active. One silo on real time,
/// with storage that refuses the unit's writes on demand.
/// </summary>
public sealed class OpportunitySyncRetryTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    private IClusterClient Client => _cluster.Client;

    private FailingGrainStorage Storage => (FailingGrainStorage)_cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Frontline);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Frontline, (_, _) => new FailingGrainStorage());
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StreamNames.Provider);
            silo.UseInMemoryReminderService();
            silo.Services.AddFrontlineGrains(new ConfigurationBuilder().Build());
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Close_UnitCannotStore_RepeatedCloseBringsTheUnitUpToDate()
    {
        var (unit, opportunity) = await OpenAsync();
        var close = new CloseOpportunityCommand { OpportunityId = opportunity, Won = true, Value = 700 };

        Storage.FailWritesOf = id => id.ToString().Contains(unit, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetOpportunityGrain(opportunity).CloseAsync(close));
        Assert.Equal(OpportunityStage.Won, (await Client.GetOpportunityGrain(opportunity).GetAsync())!.Stage);
        Assert.Equal((0, 1), await FiguresAsync(unit));

        // What a client may do after an error: the same close again. It is refused (the opportunity is closed
        // already), and on the way it brings the unit up to date.
        Storage.FailWritesOf = null;
        var repeated = await Client.GetOpportunityGrain(opportunity).CloseAsync(close);

        Assert.NotNull(repeated.Error);
        Assert.Equal((1, 0), await FiguresAsync(unit));
    }

    [Fact]
    public async Task Close_UnitCannotStore_OpportunityRetriesByItselfOnceTheUnitCan()
    {
        var (unit, opportunity) = await OpenAsync();
        Storage.FailWritesOf = id => id.ToString().Contains(unit, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetOpportunityGrain(opportunity).CloseAsync(new CloseOpportunityCommand { OpportunityId = opportunity, Won = true, Value = 900 }));

        // A client that reads the opportunity as won does not close it again; nothing else is sent to it.
        Storage.FailWritesOf = null;
        var figures = await Eventually.WaitForAsync(() => FiguresAsync(unit), f => f == (1, 0));

        Assert.Equal((1, 0), figures);
    }

    private async Task<(string Unit, string Opportunity)> OpenAsync()
    {
        var unit = "unit-" + Guid.NewGuid().ToString("N")[..8];
        var opportunity = "opp-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Null((await Client.GetUnitGrain(unit).RegisterAsync(new RegisterUnitCommand { Id = unit, Name = "Retry unit" })).Error);
        Assert.Null((await Client.GetOpportunityGrain(opportunity).OpenAsync(new OpenOpportunityCommand { Id = opportunity, UnitId = unit, CustomerId = opportunity + "-buyer", Amount = 1000 })).Error);
        Assert.Equal((0, 1), await FiguresAsync(unit));
        return (unit, opportunity);
    }

    private async Task<(int Won, int Open)> FiguresAsync(string unit)
    {
        var view = await Client.GetUnitGrain(unit).GetAsync();
        return (view!.WonCount, view.OpenCount);
    }
}
