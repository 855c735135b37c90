using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;
using Frontline.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Opportunities;

/// <summary>
/// Plumbing for an opportunity: load, apply <see cref="OpportunityRules"/>, persist, then bring the unit and the
/// customer up to date. The follow-up reminder (not a timer: it must outlive activations and restarts) records
/// overdue periods.
/// </summary>
public sealed partial class OpportunityGrain(
    [PersistentState("opportunity", StorageNames.Frontline)] IPersistentState<OpportunityState> state,
    IOptions<FollowUpOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<OpportunityGrain> logger) : Grain, IOpportunityGrain, IRemindable
{
    /// <summary>Name of the follow-up reminder.</summary>
    public const string FollowUpReminder = "follow-up";

    /// <summary>How often a sync that failed is tried again while the activation lives.</summary>
    public static readonly TimeSpan SyncRetryPeriod = TimeSpan.FromSeconds(2);

    private readonly OpportunityRules _rules = new(options.Value);

    // Runs while a stored change has not reached the unit and the customer. A caller whose command failed in the sync
    // reads the stored change (say WON) and does not repeat the command, so nothing else would finish it while this
    // activation lives: found by SiloKillTests, where a close met a unit on the killed silo and the unit kept counting
    // the opportunity as open.
    private IGrainTimer? _syncRetry;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A previous activation may have persisted a change and died before telling the unit and customer.
        if (state.State.SyncedVersion < state.State.Version)
        {
            await SyncAsync();
        }
    }

    public async Task<CommandResult<OpportunityView>> OpenAsync(OpenOpportunityCommand command)
    {
        if (!state.State.Opened && !string.IsNullOrWhiteSpace(command.UnitId) && !await GrainFactory.GetUnitGrain(command.UnitId).ExistsAsync())
        {
            return CommandResult<OpportunityView>.Fail(Rejection.NotFound("unitId", $"unit '{command.UnitId}' does not exist"));
        }

        return await ApplyAsync(_rules.Open(state.State, command with { Id = this.GetPrimaryKeyString() }, clock.GetUtcNow()));
    }

    public async Task<CommandResult<OpportunityView>> ImportAsync(ImportOpportunityCommand command)
    {
        if (state.State.ImportedFrom != command && !string.IsNullOrWhiteSpace(command.UnitId) && !await GrainFactory.GetUnitGrain(command.UnitId).ExistsAsync())
        {
            return CommandResult<OpportunityView>.Fail(Rejection.NotFound("unitId", $"unit '{command.UnitId}' does not exist"));
        }

        return await ApplyAsync(_rules.Import(state.State, command with { Id = this.GetPrimaryKeyString() }, clock.GetUtcNow()));
    }

    public Task<CommandResult<OpportunityView>> LogFollowUpAsync(LogFollowUpCommand command) =>
        ApplyAsync(_rules.LogFollowUp(state.State, command, clock.GetUtcNow()));

    public Task<CommandResult<OpportunityView>> CloseAsync(CloseOpportunityCommand command) =>
        ApplyAsync(_rules.Close(state.State, command, clock.GetUtcNow()));

    public Task<OpportunityView?> GetAsync() => Task.FromResult(state.State.Opened ? View() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }

        var decision = _rules.RecordOverdue(state.State, clock.GetUtcNow());
        if (decision.State is not null)
        {
            LogOverdue(logger, this.GetPrimaryKeyString(), decision.State.StalledStreak);
        }

        await ApplyAsync(decision);
    }

    private async Task<CommandResult<OpportunityView>> ApplyAsync(Decision<OpportunityState> decision)
    {
        if (decision.State is null && state.State.SyncedVersion < state.State.Version)
        {
            // Any command that changes nothing, repeated or refused (a client's retry after an error, say a second
            // close), first finishes the sync an earlier one could not.
            await SyncOrRetryLaterAsync();
        }

        if (decision.Error is not null)
        {
            return CommandResult<OpportunityView>.Fail(decision.Error);
        }

        if (decision.State is not null)
        {
            await state.SaveAsync(decision.State, this);
            await SyncOrRetryLaterAsync();
        }

        return CommandResult<OpportunityView>.Ok(View(), decision.Duplicate);
    }

    /// <summary>Syncs now; when that fails, the caller gets the error and a timer keeps trying until a sync succeeds.</summary>
    private async Task SyncOrRetryLaterAsync()
    {
        try
        {
            await SyncAsync();
        }
        catch
        {
            _syncRetry ??= this.RegisterGrainTimer(RetrySyncAsync, SyncRetryPeriod, SyncRetryPeriod);
            throw;
        }
    }

    private async Task RetrySyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (state.State.SyncedVersion < state.State.Version)
            {
                await SyncAsync();
            }

            _syncRetry?.Dispose();
            _syncRetry = null;
        }
        catch (Exception exception)
        {
            LogSyncRetryFailed(logger, exception, this.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// Sends the unit and the customer everything they derive from this opportunity. Every call is idempotent,
    /// so repeating the whole sync after a crash is safe; it is cheap (one unit call, one per escalation).
    /// </summary>
    private async Task SyncAsync()
    {
        var s = state.State;
        var unit = GrainFactory.GetUnitGrain(s.UnitId);
        await unit.TrackOpportunityAsync(new OpportunityTally
        {
            OpportunityId = s.Id,
            Stage = s.Stage,
            WonValue = s.Stage == OpportunityStage.Won ? s.CloseValue ?? 0 : 0,
        });
        foreach (var escalation in s.Escalations)
        {
            await unit.RaiseEscalationAsync(escalation);
            if (s.CustomerId is not null)
            {
                await GrainFactory.GetCustomerGrain(s.CustomerId).SetEscalationOpenAsync(escalation.Id, escalation.ResolvedAt is null);
            }
        }

        if (s.Stage == OpportunityStage.Won && s.CustomerId is not null)
        {
            await GrainFactory.GetCustomerGrain(s.CustomerId).RecordOpportunityWonAsync(new OpportunityConversion
            {
                OpportunityId = s.Id,
                UnitId = s.UnitId,
                At = s.ClosedAt ?? clock.GetUtcNow(),
                Value = s.CloseValue ?? 0,
                OpenedAt = s.OpenedAt,
            });
        }

        await SyncReminderAsync();
        await state.SaveAsync(state.State with { SyncedVersion = s.Version }, this);
    }

    private async Task SyncReminderAsync()
    {
        var period = options.Value.Period;
        var reminder = await this.GetReminder(FollowUpReminder);
        if (state.State.IsClosed)
        {
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else if (reminder is null)
        {
            // Looks forward from now: the first tick is one period after opening or importing.
            await this.RegisterOrUpdateReminder(FollowUpReminder, period, period);
        }
    }

    private OpportunityView View()
    {
        var s = state.State;
        return new OpportunityView
        {
            Id = s.Id,
            Stage = s.Stage,
            UnitId = s.UnitId,
            CustomerId = s.CustomerId,
            Owner = s.Owner,
            Product = s.Product,
            Amount = s.Amount,
            CloseValue = s.CloseValue,
            OpenedAt = s.OpenedAt,
            ClosedAt = s.ClosedAt,
            StageHistory = s.StageHistory,
            FollowUps = s.FollowUps,
            StalledStreak = s.StalledStreak,
            Escalations = s.Escalations,
            FollowUpPeriod = options.Value.Period,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opportunity {OpportunityId}: follow-up overdue, stalled streak {Streak}")]
    private static partial void LogOverdue(ILogger logger, string opportunityId, int streak);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opportunity {OpportunityId}: unit and customer not brought up to date yet; trying again")]
    private static partial void LogSyncRetryFailed(ILogger logger, Exception exception, string opportunityId);
}
