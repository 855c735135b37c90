namespace Frontline.Abstractions.Common;

/// <summary>
/// Bounds on input every entry point shares: ids must be usable as grain keys and stay short, and money must
/// leave room for sums (decimal overflows near 7.9e28, so one huge value would poison every total after it).
/// </summary>
public static class InputLimits
{
    /// <summary>Longest id accepted (customers, units, opportunities, events).</summary>
    public const int MaxIdLength = 256;

    /// <summary>Largest amount, value or close value accepted: a quadrillion.</summary>
    public const decimal MaxMoney = 1_000_000_000_000_000m;

    /// <summary>Why <paramref name="id"/> cannot be an id, or null when it can.</summary>
    public static string? IdProblem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxIdLength ? $"is longer than {MaxIdLength} characters"
        : id.Any(char.IsControl) ? "must not contain control characters"
        : null;

    /// <summary>Why <paramref name="name"/> cannot be a short label (channel, path element), or null when it can.</summary>
    public static string? LabelProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "is required"
        : name.Length > MaxLabelLength ? $"is longer than {MaxLabelLength} characters"
        : name.Any(char.IsControl) ? "must not contain control characters"
        : null;

    /// <summary>Longest channel or other label accepted.</summary>
    public const int MaxLabelLength = 200;

    /// <summary>Why <paramref name="amount"/> cannot be money, or null when it can (null itself is fine).</summary>
    public static string? MoneyProblem(decimal? amount) =>
        amount is < 0 ? $"{amount} is negative"
        : amount > MaxMoney ? $"{amount} is larger than {MaxMoney}"
        : null;

    /// <summary>
    /// Earliest event or command time accepted. Attribution subtracts the window (and half-lives) from event times;
    /// near <see cref="DateTimeOffset.MinValue"/> that arithmetic throws, and a stored event that makes it throw
    /// breaks its customer for good (every later write and even its activation fail).
    /// </summary>
    public static readonly DateTimeOffset MinTime = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Why <paramref name="at"/> cannot be an event or command time, or null when it can.</summary>
    public static string? TimeProblem(DateTimeOffset at) => at < MinTime ? $"{at:O} is before {MinTime:yyyy-MM-dd}" : null;

    /// <summary>The rejection for a bad time field, or null.</summary>
    public static Rejection? CheckTime(DateTimeOffset at, string field) => TimeProblem(at) is { } problem ? Rejection.Invalid(field, problem) : null;

    /// <summary>The rejection for a bad id field, or null.</summary>
    public static Rejection? CheckId(string? id, string field) => IdProblem(id) is { } problem ? Rejection.Invalid(field, problem) : null;

    /// <summary>The rejection for a bad money field, or null.</summary>
    public static Rejection? CheckMoney(decimal? amount, string field) => MoneyProblem(amount) is { } problem ? Rejection.Invalid(field, problem) : null;
}
