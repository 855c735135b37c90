using System.Collections.Immutable;
using Frontline.Abstractions.Units;
using Frontline.Grains.Common;

namespace Frontline.Grains.Units;

/// <summary>The registered unit ids, one grain for the cluster: units are few (tens), and change rarely.</summary>
public sealed class UnitDirectoryGrain(
    [PersistentState("unit-directory", StorageNames.Frontline)] IPersistentState<UnitDirectoryState> state) : Grain, IUnitDirectoryGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A deserialised sorted set comes back with the culture-aware default comparer; ids compare ordinally.
        state.State = state.State with { UnitIds = state.State.UnitIds.WithComparer(StringComparer.Ordinal) };
        return Task.CompletedTask;
    }

    public async Task AddAsync(string unitId)
    {
        if (state.State.UnitIds.Contains(unitId))
        {
            return;
        }

        await state.SaveAsync(state.State with { UnitIds = state.State.UnitIds.Add(unitId) }, this);
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.UnitIds.ToImmutableArray());
}
