using System.Collections.Immutable;
using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Ingestion;
using Frontline.Grains.Attribution;
using Frontline.Grains.Common;
using Frontline.Grains.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Customers;

/// <summary>
/// Plumbing for a customer: keeps the journey in time order, turns its conversions into attribution records and
/// sends only what changed to the scopes. New touches are acknowledged once durable: in the journal where it is durable
/// (the state is then written every <see cref="TouchJournalOptions.SnapshotEvery"/> touches and on deactivation), else
/// by writing the state. Attribution follows.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Frontline)] IPersistentState<CustomerState> state,
    IOptions<AttributionOptions> attribution,
    IOptions<ActionCatalogueOptions> catalogue,
    IOptions<TouchJournalOptions> journalOptions,
    ITouchJournal journal,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, IRemindable
{
    /// <summary>Reminder that turns trailing touches into a null journey once their window has passed.</summary>
    public const string WindowReminder = "journey-window";

    private readonly HashSet<string> _seenEventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conversionActions = new(catalogue.Value.ConversionActions, StringComparer.Ordinal);
    private readonly HashSet<string> _leadActions = new(attribution.Value.LeadActions, StringComparer.Ordinal);

    // Last journal position handed out; the snapshot records it when written.
    private long _journalPosition;

    // Set by a failed append, which may have landed after all (a commit whose answer was lost): from then on a snapshot
    // records the position before it, so an activation re-reads those rows rather than skip them. Were the touches
    // retried, their rows keep those old positions (the retry is a conflict), and a snapshot past them would lose them.
    private long? _uncertainAfter;

    // Journaled touches not in the stored snapshot yet, and whether the state holds other changes worth a lazy write.
    private int _unsnapshotted;
    private bool _dirty;

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seenEventIds.UnionWith(state.State.Journey.Select(t => t.EventId));
        _journalPosition = state.State.JournalPosition;
        if (journal.IsDurable)
        {
            // Touches acknowledged after the last snapshot live only in the journal, as do bulk touches not applied yet.
            var entries = await journal.ReadAfterAsync(CustomerId, _journalPosition);
            if (entries.Count > 0)
            {
                // Rows of position 0 (stored by the bulk endpoint) come back on every activation; only new ones count.
                AddStored([.. entries.Select(e => e.Touch)]);
                _journalPosition = Math.Max(_journalPosition, entries.Max(e => e.Position));
            }
        }

        // A previous activation may have stored events but died before the scopes confirmed them.
        await SyncAttributionAsync();
    }

    public async Task<CommandResult<CustomerView>> RegisterAsync(RegisterCustomerCommand command)
    {
        if (CustomerRules.Validate(command) is { } rejection)
        {
            return CommandResult<CustomerView>.Fail(rejection);
        }

        command = command with { UnitId = string.IsNullOrWhiteSpace(command.UnitId) ? null : command.UnitId };
        if (command.UnitId is { } unitId && command.UnitId != state.State.UnitId && !await GrainFactory.GetUnitGrain(unitId).ExistsAsync())
        {
            return CommandResult<CustomerView>.Fail(Rejection.NotFound("unitId", $"unit '{unitId}' does not exist"));
        }

        var current = state.State;
        var next = current with
        {
            Registered = true,
            Name = command.Name,
            Segment = command.Segment,
            Industry = command.Industry,
            Region = command.Region,
            UnitId = command.UnitId,
        };
        if (next == current)
        {
            return CommandResult<CustomerView>.Ok(View(), duplicate: true);
        }

        await WriteSnapshotAsync(next);

        // Segment and unit decide windows and scopes, so a new profile can move credit.
        await SyncAttributionAsync();
        return CommandResult<CustomerView>.Ok(View());
    }

    public async Task<ImmutableArray<ItemOutcome>> RecordTouchesAsync(ImmutableArray<TouchEnvelope> touches)
    {
        var journey = state.State.Journey.ToBuilder();
        var outcomes = ImmutableArray.CreateBuilder<ItemOutcome>(touches.Length);
        var added = new List<JourneyTouch>();
        foreach (var touch in touches)
        {
            var entry = Journey.EntryOf(touch);
            var fresh = Journey.TryInsert(journey, _seenEventIds, entry);
            outcomes.Add(fresh ? ItemOutcome.Accepted : ItemOutcome.Duplicate);
            if (fresh)
            {
                added.Add(entry);
            }
        }

        if (added.Count > 0)
        {
            var before = state.State;
            var positionBefore = _journalPosition;
            state.State = before with { Journey = journey.ToImmutable() };
            try
            {
                await PersistTouchesAsync(added);
            }
            catch
            {
                // Not acknowledged: forget the ids so a retry is not taken for a duplicate. The write may still have
                // landed (a timeout after the commit), and storage may be down so that it cannot be read back now.
                // With the journal, a retry appends again (idempotent on the event id) and snapshots keep the position
                // before the uncertain append, so an activation re-reads it; without it, the next activation reads
                // whatever the state row holds (the failed state write already asked for that deactivation). Either way
                // a retry neither doubles nor loses a touch.
                _seenEventIds.ExceptWith(added.Select(t => t.EventId));
                state.State = before;
                if (journal.IsDurable)
                {
                    _uncertainAfter ??= positionBefore;
                }

                throw;
            }
        }

        await SyncAttributionAsync();
        return outcomes.MoveToImmutable();
    }

    public async Task ApplyStoredTouchesAsync(ImmutableArray<JourneyTouch> touches)
    {
        AddStored(touches);
        await SnapshotIfDueAsync();
        await SyncAttributionAsync();
    }

    public async Task CatchUpAsync()
    {
        AddStored([.. (await journal.ReadAfterAsync(CustomerId, _journalPosition)).Select(e => e.Touch)]);
        await SnapshotIfDueAsync();
        await SyncAttributionAsync();
    }

    /// <summary>Adds touches that are in the journal already; they count toward the next snapshot.</summary>
    private void AddStored(IReadOnlyList<JourneyTouch> touches)
    {
        var journey = state.State.Journey.ToBuilder();
        var added = 0;
        foreach (var touch in touches)
        {
            if (Journey.TryInsert(journey, _seenEventIds, touch))
            {
                added++;
            }
        }

        if (added > 0)
        {
            state.State = state.State with { Journey = journey.ToImmutable() };
            _unsnapshotted += added;
        }
    }

    private async Task SnapshotIfDueAsync()
    {
        if (_unsnapshotted >= journalOptions.Value.SnapshotEvery)
        {
            await TrySnapshotAsync();
        }
    }

    public async Task RecordOpportunityWonAsync(OpportunityConversion conversion)
    {
        var wins = state.State.OpportunityWins;
        var existing = wins.FirstOrDefault(w => w.OpportunityId == conversion.OpportunityId);
        if (existing != conversion)
        {
            await WriteSnapshotAsync(state.State with { OpportunityWins = existing is null ? wins.Add(conversion) : wins.Replace(existing, conversion) });
        }

        await SyncAttributionAsync();
    }

    public async Task SetEscalationOpenAsync(string escalationId, bool open)
    {
        var current = state.State.OpenEscalations;
        var next = open ? (current.Contains(escalationId) ? current : current.Add(escalationId)) : current.Remove(escalationId);
        if (next != current)
        {
            await WriteSnapshotAsync(state.State with { OpenEscalations = next });
        }
    }

    public Task<CustomerView?> GetAsync() =>
        Task.FromResult(state.State.Registered || !state.State.Journey.IsEmpty || !state.State.OpportunityWins.IsEmpty || !state.State.OpenEscalations.IsEmpty ? View() : null);

    public Task<ImmutableArray<JourneyTouch>> GetJourneyAsync() => Task.FromResult(state.State.Journey);

    public Task<JourneyPage> GetJourneyPageAsync(int first, string? after) =>
        Task.FromResult(Journey.Page(state.State.Journey, first, after is null ? null : JourneyCursor.Decode(after)));

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WindowReminder ? SyncAttributionAsync(windowReminderTick: true) : Task.CompletedTask;

    private CustomerView View()
    {
        var s = state.State;
        return new CustomerView
        {
            Id = CustomerId,
            Name = s.Name,
            Segment = s.Segment ?? attribution.Value.DefaultSegment,
            Industry = s.Industry,
            Region = s.Region,
            UnitId = s.UnitId,
            Registered = s.Registered,
            Health = HealthScoreCalculator.Compute(s.Journey, s.OpenEscalations.Length, clock.GetUtcNow()),
            TouchCount = s.Journey.Count(t => !_conversionActions.Contains(t.Action)),
            ConversionCount = s.Journey.Count(t => _conversionActions.Contains(t.Action)) + s.OpportunityWins.Length,
            OpenEscalationIds = s.OpenEscalations,
        };
    }

    /// <summary>Recomputes this customer's journey records and sends the scopes whatever they do not hold yet.</summary>
    /// <param name="windowReminderTick">True when the window reminder itself called: only then may it be unregistered.</param>
    private async Task SyncAttributionAsync(bool windowReminderTick = false)
    {
        var s = state.State;
        var segment = s.Segment ?? attribution.Value.DefaultSegment;
        // One pass over the journey (this runs on every ingest call): each entry is a touch or a signed contract.
        var touches = new List<JourneyTouch>(s.Journey.Length);
        var conversions = new List<ConversionEvent>();
        foreach (var t in s.Journey)
        {
            if (_conversionActions.Contains(t.Action))
            {
                conversions.Add(new ConversionEvent(t.EventId, t.OccurredAt, t.Value ?? 0, s.UnitId));
            }
            else
            {
                touches.Add(t);
            }
        }

        conversions.AddRange(s.OpportunityWins.Select(w => new ConversionEvent("opportunity:" + w.OpportunityId, w.At, w.Value, w.UnitId, w.OpenedAt)));
        var now = clock.GetUtcNow();
        var partition = ConversionWindows.Build(CustomerId, touches, conversions, attribution.Value.WindowOf(segment), now, _leadActions);

        var (changes, published) = AttributionSync.Plan(partition.Records, s.Published, r => AttributionSync.ScopesOf(r, segment, s.Region, s.Industry));
        if (changes.Count > 0)
        {
            await Task.WhenAll(changes.Select(c => GrainFactory.GetAttributionScopeGrain(c.Key).ApplyAsync(c.Value)));
            state.State = state.State with { Published = published };
            await WriteSnapshotAsync();
        }

        await ScheduleWindowReminderAsync(partition.PendingUntil, now, windowReminderTick);
    }

    /// <summary>Keeps a reminder while trailing touches wait for their window to pass (most customers have none).</summary>
    private async Task ScheduleWindowReminderAsync(DateTimeOffset? pendingUntil, DateTimeOffset now, bool windowReminderTick)
    {
        if (pendingUntil is { } due)
        {
            // Reminders tick at least a minute apart; the tick re-syncs, which closes the journey if its time has come.
            var wait = due - now < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : due - now;

            // A due that moved later needs no new reminder: the registered one ticks first and its sync moves it.
            // Re-registering on every new touch would cost a reminder-table write per call.
            var registered = state.State.WindowReminderDue;
            if (registered is null || due < registered || registered <= now)
            {
                await this.RegisterOrUpdateReminder(WindowReminder, wait, wait);
                state.State = state.State with { WindowReminderDue = due };
                await SaveLazilyAsync();
            }
        }
        else if (state.State.WindowReminderDue is not null && windowReminderTick)
        {
            // Only the tick removes it. A conversion that takes up the trailing touches leaves the reminder in place:
            // the next touch usually needs it again, and removing it on the ingest path cost three reminder-service
            // calls a conversion (look up, remove, add again). Under 100 conversions a second (bench part 4, cluster
            // profile; both runs in README, Speed) that churn put the p99 acknowledgement of a batch at 949 ms; without
            // it, 43 ms. A tick that
            // finds nothing waiting costs an activation and a sync, once per window.
            if (await this.GetReminder(WindowReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            state.State = state.State with { WindowReminderDue = null };
            await SaveLazilyAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsnapshotted > 0 || _dirty)
        {
            await TrySnapshotAsync();
        }
    }

    /// <summary>Makes newly accepted touches durable: appended to the journal where it is durable, else by writing the state.</summary>
    private async Task PersistTouchesAsync(List<JourneyTouch> added)
    {
        if (!journal.IsDurable)
        {
            await WriteSnapshotAsync();
            return;
        }

        var entries = new List<JournalEntry>(added.Count);
        foreach (var touch in added)
        {
            entries.Add(new JournalEntry(++_journalPosition, touch));
        }

        await journal.AppendAsync(CustomerId, entries);
        _unsnapshotted += entries.Count;
        if (_unsnapshotted >= journalOptions.Value.SnapshotEvery)
        {
            await TrySnapshotAsync();
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> (the state in memory when null) as the whole state, recording the journal position it
    /// includes (a lower bound: re-reading rows it holds is harmless). A command's change is passed here rather than set
    /// first, so a failed write leaves memory as it was (<see cref="PersistentStateExtensions.SaveAsync"/>).
    /// </summary>
    private async Task WriteSnapshotAsync(CustomerState? next = null)
    {
        await state.SaveAsync((next ?? state.State) with { JournalPosition = _uncertainAfter ?? _journalPosition }, this);
        (_unsnapshotted, _dirty) = (0, false);
    }

    /// <summary>A snapshot whose touches are already in the journal: failing it loses nothing, so it is logged, not thrown.</summary>
    private async Task TrySnapshotAsync()
    {
        try
        {
            await WriteSnapshotAsync();
        }
        catch (Exception exception)
        {
            LogSnapshotFailed(logger, exception, CustomerId);

            // A failed write may have landed, leaving the stored ETag ahead of ours: read it back, keep our state.
            var current = state.State;
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception readFailure)
            {
                LogSnapshotFailed(logger, readFailure, CustomerId);
            }
            finally
            {
                state.State = current;
            }
        }
    }

    /// <summary>Saves a change that is cheap to lose (a reminder hint): at the next snapshot where the journal is durable, at once otherwise.</summary>
    private Task SaveLazilyAsync()
    {
        if (journal.IsDurable)
        {
            _dirty = true;
            return Task.CompletedTask;
        }

        return WriteSnapshotAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer {CustomerId}: state snapshot not written; its touches are in the journal, the next snapshot retries")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string customerId);
}
