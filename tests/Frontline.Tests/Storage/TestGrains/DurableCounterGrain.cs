namespace Frontline.Tests.Storage.TestGrains;

/// <summary>Counts increments and reminder ticks in state stored by the "store" provider.</summary>
public sealed class DurableCounterGrain(
    [PersistentState("s", DurableCounterGrain.StorageName)] IPersistentState<DurableCounterState> state)
    : Grain, IDurableCounterGrain, IRemindable
{
    /// <summary>Storage provider the test cluster registers.</summary>
    public const string StorageName = "store";

    /// <summary>Name of the tick reminder.</summary>
    public const string TickReminder = "tick";

    public async Task<int> IncrementAsync()
    {
        state.State = state.State with { Count = state.State.Count + 1 };
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<DurableCounterState> GetStateAsync() => Task.FromResult(state.State);

    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder(TickReminder, period, period);

    public async Task<string?> GetTickReminderAsync()
    {
        var reminder = await this.GetReminder(TickReminder);
        return reminder?.ReminderName;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State = state.State with { Ticks = state.State.Ticks + 1 };
        await state.WriteStateAsync();
        ReminderTicks.Signal(this.GetPrimaryKeyString());
    }
}
