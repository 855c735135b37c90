using System.Globalization;

namespace Frontline.Abstractions.Audit;

/// <summary>Keys of the audit log grains: one per UTC day.</summary>
public static class AuditDays
{
    /// <summary>Format of a day key and of the <c>day</c> argument of <c>auditLog</c>.</summary>
    public const string Format = "yyyy-MM-dd";

    /// <summary>Entries per chunk grain: bounds what one append rewrites.</summary>
    public const int ChunkSize = 256;

    /// <summary>The key of chunk <paramref name="chunk"/> (0 = the day's first <see cref="ChunkSize"/> entries) of <paramref name="day"/>.</summary>
    public static string ChunkKey(string day, long chunk) => day + "/" + chunk.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key of the day <paramref name="at"/> falls on, in UTC.</summary>
    public static string Key(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="day"/> is a day key.</summary>
    public static bool IsKey(string? day) =>
        DateTime.TryParseExact(day, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
