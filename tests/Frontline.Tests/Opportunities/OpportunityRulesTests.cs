using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;
using Frontline.Grains.Opportunities;

namespace Frontline.Tests.Opportunities;

public sealed class OpportunityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly OpportunityRules _rules = new(new FollowUpOptions());

    private OpportunityState Opened() =>
        _rules.Open(new OpportunityState(), new OpenOpportunityCommand { Id = "o1", UnitId = "u1", CustomerId = "c1", Stage = OpportunityStage.Engaging }, Now).State!;

    private OpportunityState FollowUp(OpportunityState state, bool progressed, int minutes) =>
        _rules.LogFollowUp(state, new LogFollowUpCommand { OpportunityId = "o1", Progressed = progressed, At = Now.AddMinutes(minutes) }, Now.AddHours(1)).State!;

    [Fact]
    public void LogFollowUp_ThirdWithoutProgress_RaisesOneEscalation()
    {
        var state = Opened();
        state = FollowUp(state, false, 1);
        state = FollowUp(state, false, 2);
        Assert.Empty(state.Escalations);

        state = FollowUp(state, false, 3);

        var escalation = Assert.Single(state.Escalations);
        Assert.Equal("o1#1", escalation.Id);
        Assert.Equal("u1", escalation.UnitId);
        Assert.Equal(Now.AddMinutes(3), escalation.RaisedAt);
        Assert.Equal(3, state.StalledStreak);
    }

    [Fact]
    public void LogFollowUp_FourthWithoutProgress_DoesNotEscalateAgain()
    {
        var state = Opened();
        for (var i = 1; i <= 4; i++)
        {
            state = FollowUp(state, false, i);
        }

        Assert.Single(state.Escalations);
        Assert.Equal(4, state.StalledStreak);
    }

    [Fact]
    public void LogFollowUp_ProgressThenThreeMore_EscalatesAgainAndResolvesTheFirst()
    {
        var state = Opened();
        for (var i = 1; i <= 3; i++)
        {
            state = FollowUp(state, false, i);
        }

        state = FollowUp(state, true, 4);
        Assert.Equal(0, state.StalledStreak);
        Assert.Equal(Now.AddMinutes(4), state.Escalations[0].ResolvedAt);

        state = FollowUp(state, false, 5);
        state = FollowUp(state, false, 6);
        Assert.Single(state.Escalations);
        state = FollowUp(state, false, 7);

        Assert.Equal(["o1#1", "o1#2"], state.Escalations.Select(e => e.Id));
        Assert.Null(state.Escalations[1].ResolvedAt);
    }

    [Fact]
    public void LogFollowUp_StageAdvance_CountsAsProgress()
    {
        var state = _rules.Open(new OpportunityState(), new OpenOpportunityCommand { Id = "o1", UnitId = "u1" }, Now).State!;
        state = FollowUp(state, false, 1);

        state = _rules.LogFollowUp(state, new LogFollowUpCommand { OpportunityId = "o1", Stage = OpportunityStage.Engaging, At = Now.AddMinutes(2) }, Now.AddHours(1)).State!;

        Assert.Equal(0, state.StalledStreak);
        Assert.Equal(OpportunityStage.Engaging, state.Stage);
        Assert.True(state.FollowUps[^1].Progressed);
    }

    [Fact]
    public void LogFollowUp_UnknownOpportunity_NotFoundOnOpportunityId()
    {
        var decision = _rules.LogFollowUp(new OpportunityState(), new LogFollowUpCommand { OpportunityId = "nope" }, Now);

        Assert.Null(decision.State);
        Assert.Equal(ErrorCodes.NotFound, decision.Error!.Code);
        Assert.Equal("opportunityId", decision.Error.Field);
    }

    [Fact]
    public void Close_AlreadyClosed_InvalidStateAndNoChange()
    {
        var closed = _rules.Close(Opened(), new CloseOpportunityCommand { OpportunityId = "o1", Won = true, Value = 100 }, Now).State!;

        var again = _rules.Close(closed, new CloseOpportunityCommand { OpportunityId = "o1", Won = false }, Now);

        Assert.Null(again.State);
        Assert.Equal(ErrorCodes.InvalidState, again.Error!.Code);
        Assert.Equal("opportunityId", again.Error.Field);
    }

    [Fact]
    public void Close_WonWithNegativeValue_ValidationOnValue()
    {
        var decision = _rules.Close(Opened(), new CloseOpportunityCommand { OpportunityId = "o1", Won = true, Value = -1 }, Now);

        Assert.Equal(("VALIDATION", "value"), (decision.Error!.Code, decision.Error.Field));
    }

    [Fact]
    public void RecordOverdue_BeforeOnePeriod_NoChange()
    {
        var decision = _rules.RecordOverdue(Opened(), Now.AddDays(7).AddTicks(-1));

        Assert.True(decision.Duplicate);
        Assert.Null(decision.State);
    }

    [Fact]
    public void RecordOverdue_ThreeMissedPeriodsInOneTick_EscalatesOnce()
    {
        var state = _rules.RecordOverdue(Opened(), Now.AddDays(21)).State!;

        Assert.Equal(3, state.FollowUps.Count(f => f.Overdue));
        Assert.Equal(3, state.StalledStreak);
        Assert.Equal(Now.AddDays(21), Assert.Single(state.Escalations).RaisedAt);

        var doubled = _rules.RecordOverdue(state, Now.AddDays(21).AddMinutes(1));
        Assert.True(doubled.Duplicate);
    }

    [Fact]
    public void RecordOverdue_ImportedHistory_CountsFromImportNotFromEngageDate()
    {
        var imported = _rules.Import(new OpportunityState(), new ImportOpportunityCommand
        {
            Id = "o1", UnitId = "u1", Stage = OpportunityStage.Engaging, EngagedAt = Now.AddYears(-9),
        }, Now).State!;

        Assert.True(_rules.RecordOverdue(imported, Now.AddDays(6)).Duplicate);
        Assert.Single(_rules.RecordOverdue(imported, Now.AddDays(7)).State!.FollowUps);
    }

    [Fact]
    public void Close_BeforeOpened_ValidationOnAtAndNoChange()
    {
        var decision = _rules.Close(Opened(), new CloseOpportunityCommand { OpportunityId = "o1", Won = true, Value = 10, At = Now.AddDays(-1) }, Now);

        Assert.Null(decision.State);
        Assert.Equal(("VALIDATION", "at"), (decision.Error!.Code, decision.Error.Field));
        Assert.Contains("before the opportunity was opened", decision.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAndClose_BeforeMinTime_ValidationOnAt()
    {
        var ancient = new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.Zero);

        var open = _rules.Open(new OpportunityState(), new OpenOpportunityCommand { Id = "o1", UnitId = "u1", At = ancient }, Now);
        var close = _rules.Close(Opened(), new CloseOpportunityCommand { OpportunityId = "o1", Won = true, Value = 10, CustomerId = "c1", At = ancient }, Now);
        var import = _rules.Import(new OpportunityState(), new ImportOpportunityCommand { Id = "o1", UnitId = "u1", Stage = OpportunityStage.Engaging, EngagedAt = ancient }, Now);

        Assert.Equal(("VALIDATION", "at"), (open.Error!.Code, open.Error.Field));
        Assert.Equal(("VALIDATION", "at"), (close.Error!.Code, close.Error.Field));
        Assert.Equal(("VALIDATION", "engagedAt"), (import.Error!.Code, import.Error.Field));
    }

    [Fact]
    public void Import_SameRecordTwice_Duplicate()
    {
        var command = new ImportOpportunityCommand
        {
            Id = "o1", UnitId = "u1", CustomerId = "c1", Stage = OpportunityStage.Won, EngagedAt = Now.AddDays(-30), ClosedAt = Now.AddDays(-2), CloseValue = 1054,
        };
        var state = _rules.Import(new OpportunityState(), command, Now).State!;

        Assert.True(_rules.Import(state, command, Now).Duplicate);
        Assert.Equal([OpportunityStage.Engaging, OpportunityStage.Won], state.StageHistory.Select(h => h.Stage));
    }

    [Fact]
    public void Import_WonWithoutCloseDate_ValidationOnClosedAt()
    {
        var decision = _rules.Import(new OpportunityState(), new ImportOpportunityCommand { Id = "o1", UnitId = "u1", CustomerId = "c", Stage = OpportunityStage.Won, CloseValue = 3 }, Now);

        Assert.Equal("closedAt", decision.Error!.Field);
    }
}
