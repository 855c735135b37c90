namespace Frontline.Abstractions.Common;

/// <summary>
/// Outcome of a command on a grain: the resulting view, or the rejection that left state unchanged.
/// <see cref="Duplicate"/> is set when the command repeated one already applied (idempotent replay).
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.CommandResult`1")]
public sealed record CommandResult<T>
{
    /// <summary>The entity as it stands after the command (also after a duplicate).</summary>
    [Id(0)] public T? Value { get; init; }

    /// <summary>Set when the command was refused; state is unchanged.</summary>
    [Id(1)] public Rejection? Error { get; init; }

    /// <summary>True when the command had been applied before and had no second effect.</summary>
    [Id(2)] public bool Duplicate { get; init; }

    /// <summary>Whether the command was applied or was a harmless repeat.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static CommandResult<T> Ok(T value, bool duplicate = false) => new() { Value = value, Duplicate = duplicate };

    /// <summary>A refused command.</summary>
    public static CommandResult<T> Fail(Rejection error) => new() { Error = error };
}
