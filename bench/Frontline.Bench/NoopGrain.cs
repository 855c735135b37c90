namespace Frontline.Bench;

/// <summary>Holds no state and answers at once.</summary>
public sealed class NoopGrain : Grain, INoopGrain
{
    /// <inheritdoc />
    public Task PingAsync() => Task.CompletedTask;
}
