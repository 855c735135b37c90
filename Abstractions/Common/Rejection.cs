namespace Frontline.Abstractions.Common;

/// <summary>Why a command or event was refused: a stable code, the offending field and a reason a person can act on.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.Rejection")]
public sealed record Rejection
{
    /// <summary>Stable machine-readable code, one of <see cref="ErrorCodes"/>.</summary>
    [Id(0)] public required string Code { get; init; }

    /// <summary>Name of the input field at fault, as the caller spelled it (e.g. <c>eventId</c>).</summary>
    [Id(1)] public required string Field { get; init; }

    /// <summary>Human-readable reason.</summary>
    [Id(2)] public required string Reason { get; init; }

    /// <summary>A validation failure on one field.</summary>
    public static Rejection Invalid(string field, string reason) => new() { Code = ErrorCodes.Validation, Field = field, Reason = reason };

    /// <summary>The addressed entity does not exist.</summary>
    public static Rejection NotFound(string field, string reason) => new() { Code = ErrorCodes.NotFound, Field = field, Reason = reason };

    /// <summary>The entity exists but its state does not allow the command.</summary>
    public static Rejection InvalidState(string field, string reason) => new() { Code = ErrorCodes.InvalidState, Field = field, Reason = reason };
}
