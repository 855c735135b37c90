using System.Globalization;

namespace Frontline.Silo.Import;

/// <summary>Strict parsers for the value formats of the source files; anything looser would hide bad rows.</summary>
public static class CsvValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    // Only forms with an explicit zone: a time without one is ambiguous, and the files promise UTC.
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>Parses a plain invariant-culture decimal (no thousands separators, no exponent).</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses an invariant-culture floating-point number, exponent allowed (statistics tools write 1e-05), no thousands
    /// separators. NaN and infinities parse; callers that need finite numbers check.
    /// </summary>
    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a <c>yyyy-MM-dd</c> date as UTC midnight.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses an ISO-8601 timestamp with <c>Z</c> or an offset, normalised to UTC.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }
}
