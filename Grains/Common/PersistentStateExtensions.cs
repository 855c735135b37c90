namespace Frontline.Grains.Common;

/// <summary>Writing grain state so that a failed write leaves nothing behind in memory.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Makes <paramref name="next"/> the state and writes it. When the write fails, the state in memory goes back to
    /// what it was and the grain deactivates once idle: the write may or may not have landed (a timeout after the
    /// commit), so only the next activation, reading storage, knows. Without this, a grain would go on answering
    /// from a change that was never acknowledged, and a retry could be refused as a repeat.
    /// </summary>
    public static async Task SaveAsync<T>(this IPersistentState<T> state, T next, IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
