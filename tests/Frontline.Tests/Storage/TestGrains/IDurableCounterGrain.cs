namespace Frontline.Tests.Storage.TestGrains;

/// <summary>Test grain with persisted state and a reminder, used to show both survive a silo restart.</summary>
[Alias("Frontline.Tests.IDurableCounterGrain")]
public interface IDurableCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one to the persisted count and returns it.</summary>
    [Alias("IncrementAsync")]
    Task<int> IncrementAsync();

    /// <summary>Returns the persisted state.</summary>
    [Alias("GetStateAsync")]
    Task<DurableCounterState> GetStateAsync();

    /// <summary>Registers the tick reminder.</summary>
    [Alias("StartTickingAsync")]
    Task StartTickingAsync(TimeSpan period);

    /// <summary>Returns the name of the registered tick reminder, or null if there is none.</summary>
    [Alias("GetTickReminderAsync")]
    Task<string?> GetTickReminderAsync();
}
