using Frontline.Abstractions.Common;

namespace Frontline.Grains.Opportunities;

/// <summary>What a rule decided: a new state, a harmless repeat, or a rejection that leaves state unchanged.</summary>
public sealed record Decision<TState>(TState? State, Rejection? Error, bool Duplicate)
{
    public static Decision<TState> Apply(TState state) => new(state, null, false);

    public static Decision<TState> Repeat() => new(default, null, true);

    public static Decision<TState> Reject(Rejection error) => new(default, error, false);
}
