using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Streams;
using Frontline.Abstractions.Units;
using Frontline.Grains.Common;

namespace Frontline.Grains.Units;

/// <summary>Plumbing for a combat unit: profile, per-opportunity tallies, and escalations pushed to subscribers.</summary>
public sealed class UnitGrain(
    [PersistentState("unit", StorageNames.Frontline)] IPersistentState<UnitState> state) : Grain, IUnitGrain
{
    public async Task<CommandResult<UnitView>> RegisterAsync(RegisterUnitCommand command)
    {
        var rejection = UnitRules.Validate(command);
        if (rejection is not null)
        {
            return CommandResult<UnitView>.Fail(rejection);
        }

        var current = state.State;
        var next = current with { Registered = true, Name = command.Name, Region = command.Region, Members = command.Members };
        if (current.Registered && current.Name == next.Name && current.Region == next.Region && current.Members.SequenceEqual(next.Members))
        {
            return CommandResult<UnitView>.Ok(View(), duplicate: true);
        }

        await state.SaveAsync(next, this);
        await GrainFactory.GetUnitDirectoryGrain().AddAsync(this.GetPrimaryKeyString());
        return CommandResult<UnitView>.Ok(View());
    }

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Registered);

    public async Task TrackOpportunityAsync(OpportunityTally tally)
    {
        if (state.State.Opportunities.GetValueOrDefault(tally.OpportunityId) == tally)
        {
            return;
        }

        await state.SaveAsync(state.State with { Opportunities = state.State.Opportunities.SetItem(tally.OpportunityId, tally) }, this);
    }

    public async Task RaiseEscalationAsync(Escalation escalation)
    {
        var known = state.State.Escalations.FirstOrDefault(e => e.Id == escalation.Id);
        if (known == escalation)
        {
            return;
        }

        await state.SaveAsync(state.State with
        {
            Escalations = known is null ? state.State.Escalations.Add(escalation) : state.State.Escalations.Replace(known, escalation),
        }, this);

        // Subscribers hear of an escalation once, when it is raised; resolution shows in queries.
        if (known is null)
        {
            await this.GetStreamProvider(StreamNames.Provider)
                .GetStream<Escalation>(StreamId.Create(StreamNames.Escalations, this.GetPrimaryKeyString()))
                .OnNextAsync(escalation);
        }
    }

    public async Task ResolveEscalationAsync(string escalationId, DateTimeOffset at)
    {
        var known = state.State.Escalations.FirstOrDefault(e => e.Id == escalationId);
        if (known is null || known.ResolvedAt is not null)
        {
            return;
        }

        await state.SaveAsync(state.State with { Escalations = state.State.Escalations.Replace(known, known with { ResolvedAt = at }) }, this);
    }

    public Task<UnitView?> GetAsync() => Task.FromResult(state.State.Registered ? View() : null);

    private UnitView View() => UnitRules.View(this.GetPrimaryKeyString(), state.State);
}
