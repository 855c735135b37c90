using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class OpportunityGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private async Task<(string Unit, string Opportunity)> OpenAsync(string? customerId = null)
    {
        var unit = "unit-" + Guid.NewGuid().ToString("N");
        var opportunity = "opp-" + Guid.NewGuid().ToString("N");
        var registered = await _grains.GetUnitGrain(unit).RegisterAsync(new RegisterUnitCommand
        {
            Id = unit, Name = "Test unit", Region = "East", Members = [new UnitMember { Name = "Ann", Role = "lead" }],
        });
        Assert.True(registered.Succeeded);
        var opened = await _grains.GetOpportunityGrain(opportunity).OpenAsync(new OpenOpportunityCommand
        {
            Id = opportunity, UnitId = unit, CustomerId = customerId, Stage = OpportunityStage.Engaging, Amount = 500,
        });
        Assert.True(opened.Succeeded);
        return (unit, opportunity);
    }

    [Fact]
    public async Task LogFollowUp_ThirdStalled_UnitReceivesEscalation()
    {
        var (unit, opportunity) = await OpenAsync();
        var grain = _grains.GetOpportunityGrain(opportunity);

        for (var i = 0; i < 3; i++)
        {
            await grain.LogFollowUpAsync(new LogFollowUpCommand { OpportunityId = opportunity, Note = $"call {i}" });
        }

        var view = await _grains.GetUnitGrain(unit).GetAsync();
        var escalation = Assert.Single(view!.Escalations);
        Assert.Equal(opportunity, escalation.OpportunityId);
        Assert.Equal((1, 1, 0), (view.OpportunityCount, view.OpenCount, view.WonCount));
    }

    [Fact]
    public async Task OpenAsync_UnknownUnit_NotFoundAndNothingStored()
    {
        var opportunity = "opp-" + Guid.NewGuid().ToString("N");

        var result = await _grains.GetOpportunityGrain(opportunity).OpenAsync(new OpenOpportunityCommand { Id = opportunity, UnitId = "no-such-unit" });

        Assert.Equal((ErrorCodes.NotFound, "unitId"), (result.Error!.Code, result.Error.Field));
        Assert.Null(await _grains.GetOpportunityGrain(opportunity).GetAsync());
    }

    [Fact]
    public async Task FollowUpReminder_ThreeQuietPeriods_OverdueTwiceThenEscalation()
    {
        var (unit, opportunity) = await OpenAsync();

        // Two quiet weeks (and a day, since the reminder service schedules the next tick after the previous one ran):
        // two overdue follow-ups, no escalation yet.
        await AdvanceDaysAsync(15);

        var view = await Eventually.WaitForAsync(() => _grains.GetOpportunityGrain(opportunity).GetAsync(), v => v!.StalledStreak >= 2);
        Assert.Equal(2, view!.FollowUps.Count(f => f.Overdue));
        Assert.Empty(view.Escalations);

        await AdvanceDaysAsync(7);

        var unitView = await Eventually.WaitForAsync(() => _grains.GetUnitGrain(unit).GetAsync(), v => v!.Escalations.Length == 1);
        Assert.Equal(3, unitView!.Escalations[0].StalledStreak);
        Assert.All((await _grains.GetOpportunityGrain(opportunity).GetAsync())!.FollowUps, f => Assert.Equal(OpportunityRules_OverdueNote, f.Note));
    }

    [Fact]
    public async Task CloseAsync_Won_UnitCountsAndCustomerConversion()
    {
        var customer = "cust-" + Guid.NewGuid().ToString("N");
        var (unit, opportunity) = await OpenAsync(customer);

        var closed = await _grains.GetOpportunityGrain(opportunity).CloseAsync(new CloseOpportunityCommand { OpportunityId = opportunity, Won = true, Value = 1200 });
        var again = await _grains.GetOpportunityGrain(opportunity).CloseAsync(new CloseOpportunityCommand { OpportunityId = opportunity, Won = true, Value = 1200 });

        Assert.True(closed.Succeeded);
        Assert.Equal(ErrorCodes.InvalidState, again.Error!.Code);
        var unitView = await _grains.GetUnitGrain(unit).GetAsync();
        Assert.Equal((1, 0, 1200m), (unitView!.WonCount, unitView.OpenCount, unitView.WonValue));
        Assert.Equal(1, (await _grains.GetCustomerGrain(customer).GetAsync())!.ConversionCount);
        var report = await _grains.GetAttributionScopeGrain("unit/" + unit).GetReportAsync(new());
        Assert.Equal((1, 1, 1200m), (report.Conversions, report.Unattributed, report.Value));
    }

    private const string OpportunityRules_OverdueNote = Frontline.Grains.Opportunities.OpportunityRules.OverdueNote;

    private static async Task AdvanceDaysAsync(int days)
    {
        for (var hour = 0; hour < days * 4; hour++)
        {
            ClusterFixture.Clock.Advance(TimeSpan.FromHours(6));
            await Task.Delay(10);
        }
    }
}
