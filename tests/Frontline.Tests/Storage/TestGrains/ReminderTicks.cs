using System.Collections.Concurrent;

namespace Frontline.Tests.Storage.TestGrains;

/// <summary>
/// Lets a test await a reminder tick instead of polling: the in-process silo and the test share this
/// static, keyed by grain key so tests running in parallel do not see each other's ticks.
/// </summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Ticks = new();

    /// <summary>Records one tick of the grain with <paramref name="key"/>.</summary>
    public static void Signal(string key) => Get(key).Release();

    /// <summary>Waits up to <paramref name="timeout"/> for a tick of the grain with <paramref name="key"/>.</summary>
    public static Task<bool> WaitAsync(string key, TimeSpan timeout) => Get(key).WaitAsync(timeout);

    private static SemaphoreSlim Get(string key) => Ticks.GetOrAdd(key, static _ => new SemaphoreSlim(0));
}
