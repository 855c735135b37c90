namespace Frontline.Tests.Infrastructure;

/// <summary>Waiting for what happens after an answer: a reminder tick once the fake clock moved past it, bulk touches applied after they were stored.</summary>
public static class Eventually
{
    /// <summary>
    /// Reads until <paramref name="done"/> holds or about 30 s have passed, and returns the last value read: reminder
    /// ticks are delivered asynchronously after the fake clock moves, and customers apply stored bulk touches after the
    /// acknowledgement, so their effect shows up a little later.
    /// </summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 600)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
