using System.Globalization;

namespace Frontline.Abstractions.Attribution;

/// <summary>Hour buckets of conversion time: the bucket number (hours since the Unix epoch) and the bucket grain key.</summary>
public static class AttributionBuckets
{
    /// <summary>Hours since 1970-01-01T00:00Z of the hour containing <paramref name="at"/>.</summary>
    public static long HourOf(DateTimeOffset at) => (long)Math.Floor((at.UtcDateTime - DateTime.UnixEpoch).TotalHours);

    /// <summary>Start of an hour bucket.</summary>
    public static DateTimeOffset StartOf(long hour) => new DateTimeOffset(DateTime.UnixEpoch).AddHours(hour);

    /// <summary>The hour a bucket key names (the inverse of <see cref="Key"/>).</summary>
    public static long HourOfKey(string key) =>
        HourOf(new DateTimeOffset(DateTime.ParseExact(key[(key.LastIndexOf('@') + 1)..], "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero));

    /// <summary>Grain key of a scope's bucket: <c>{scope}@{yyyy-MM-ddTHH}</c>; '@' never occurs in a scope.</summary>
    public static string Key(string scope, long hour) =>
        scope + "@" + StartOf(hour).UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}
