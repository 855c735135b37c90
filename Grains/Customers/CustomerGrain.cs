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
using Microsoft.Extensions.Options;

namespace Frontline.Grains.Customers;

/// <summary>
/// Plumbing for a customer: keeps the journey in time order, turns its conversions into attribution records and
/// sends only what changed to the scopes. The journey is acknowledged once written; attribution follows.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Frontline)] IPersistentState<CustomerState> state,
    IOptions<AttributionOptions> attribution,
    IOptions<ActionCatalogueOptions> catalogue,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ICustomerGrain, IRemindable
{
    /// <summary>Reminder that turns trailing touches into a null journey once their window has passed.</summary>
    public const string WindowReminder = "journey-window";

    private readonly HashSet<string> _seenEventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conversionActions = new(catalogue.Value.ConversionActions, StringComparer.Ordinal);
    private readonly HashSet<string> _leadActions = new(attribution.Value.LeadActions, StringComparer.Ordinal);

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seenEventIds.UnionWith(state.State.Journey.Select(t => t.EventId));

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

        state.State = next;
        await state.WriteStateAsync();

        // Segment and unit decide windows and scopes, so a new profile can move credit.
        await SyncAttributionAsync();
        return CommandResult<CustomerView>.Ok(View());
    }

    public async Task<ImmutableArray<ItemOutcome>> RecordTouchesAsync(ImmutableArray<TouchEnvelope> touches)
    {
        var journey = state.State.Journey.ToBuilder();
        var outcomes = ImmutableArray.CreateBuilder<ItemOutcome>(touches.Length);
        var added = new List<string>();
        foreach (var touch in touches)
        {
            var entry = new JourneyTouch
            {
                EventId = touch.EventId,
                Action = touch.Action,
                Channel = touch.Channel,
                OccurredAt = touch.OccurredAt.ToUniversalTime(),
                Value = touch.Value,
                OpportunityId = touch.OpportunityId,
            };
            var fresh = Journey.TryInsert(journey, _seenEventIds, entry);
            outcomes.Add(fresh ? ItemOutcome.Accepted : ItemOutcome.Duplicate);
            if (fresh)
            {
                added.Add(touch.EventId);
            }
        }

        if (added.Count > 0)
        {
            var previous = state.State;
            state.State = previous with { Journey = journey.ToImmutable() };
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // Not acknowledged: forget the ids so a retry is not taken for a duplicate. The write may still have
                // landed (a timeout after the commit), and storage may be down so that it cannot be read back now:
                // the next activation reads whatever storage holds, so a retry neither doubles nor loses a touch.
                state.State = previous;
                _seenEventIds.ExceptWith(added);
                DeactivateOnIdle();
                throw;
            }
        }

        await SyncAttributionAsync();
        return outcomes.MoveToImmutable();
    }

    public async Task RecordOpportunityWonAsync(OpportunityConversion conversion)
    {
        var wins = state.State.OpportunityWins;
        var existing = wins.FirstOrDefault(w => w.OpportunityId == conversion.OpportunityId);
        if (existing != conversion)
        {
            state.State = state.State with { OpportunityWins = existing is null ? wins.Add(conversion) : wins.Replace(existing, conversion) };
            await state.WriteStateAsync();
        }

        await SyncAttributionAsync();
    }

    public async Task SetEscalationOpenAsync(string escalationId, bool open)
    {
        var current = state.State.OpenEscalations;
        var next = open ? (current.Contains(escalationId) ? current : current.Add(escalationId)) : current.Remove(escalationId);
        if (next != current)
        {
            state.State = state.State with { OpenEscalations = next };
            await state.WriteStateAsync();
        }
    }

    public Task<CustomerView?> GetAsync() =>
        Task.FromResult(state.State.Registered || !state.State.Journey.IsEmpty || !state.State.OpportunityWins.IsEmpty || !state.State.OpenEscalations.IsEmpty ? View() : null);

    public Task<ImmutableArray<JourneyTouch>> GetJourneyAsync() => Task.FromResult(state.State.Journey);

    public Task<JourneyPage> GetJourneyPageAsync(int first, string? after) =>
        Task.FromResult(Journey.Page(state.State.Journey, first, after is null ? null : JourneyCursor.Decode(after)));

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WindowReminder ? SyncAttributionAsync() : Task.CompletedTask;

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
    private async Task SyncAttributionAsync()
    {
        var s = state.State;
        var segment = s.Segment ?? attribution.Value.DefaultSegment;
        var touches = s.Journey.Where(t => !_conversionActions.Contains(t.Action));
        var conversions = s.Journey
            .Where(t => _conversionActions.Contains(t.Action))
            .Select(t => new ConversionEvent(t.EventId, t.OccurredAt, t.Value ?? 0, s.UnitId))
            .Concat(s.OpportunityWins.Select(w => new ConversionEvent("opportunity:" + w.OpportunityId, w.At, w.Value, w.UnitId, w.OpenedAt)));
        var now = clock.GetUtcNow();
        var partition = ConversionWindows.Build(CustomerId, touches, conversions, attribution.Value.WindowOf(segment), now, _leadActions);

        var (changes, published) = AttributionSync.Plan(partition.Records, s.Published, r => AttributionSync.ScopesOf(r, segment, s.Region, s.Industry));
        if (changes.Count > 0)
        {
            await Task.WhenAll(changes.Select(c => GrainFactory.GetAttributionScopeGrain(c.Key).ApplyAsync(c.Value)));
            state.State = state.State with { Published = published };
            await state.WriteStateAsync();
        }

        await ScheduleWindowReminderAsync(partition.PendingUntil, now);
    }

    /// <summary>Keeps a reminder only while trailing touches wait for their window to pass (most customers have none).</summary>
    private async Task ScheduleWindowReminderAsync(DateTimeOffset? pendingUntil, DateTimeOffset now)
    {
        if (pendingUntil is { } due)
        {
            // Reminders tick at least a minute apart; the tick re-syncs, which closes the journey if its time has come.
            var wait = due - now < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : due - now;
            if (state.State.WindowReminderDue != due)
            {
                await this.RegisterOrUpdateReminder(WindowReminder, wait, wait);
                state.State = state.State with { WindowReminderDue = due };
                await state.WriteStateAsync();
            }
        }
        else if (state.State.WindowReminderDue is not null)
        {
            if (await this.GetReminder(WindowReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            state.State = state.State with { WindowReminderDue = null };
            await state.WriteStateAsync();
        }
    }
}
