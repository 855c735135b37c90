using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Frontline.Silo.Import;

/// <summary>
/// Derives touch event ids from row content, so importing the same file twice sends the same ids and the server
/// treats the second run as duplicates. Rule: <c>mta-{h}-{k}</c> where <c>h</c> is the first 16 lower-case hex
/// characters of SHA-256 over the UTF-8 of the normalised fields customer id, time (UTC, <c>O</c> format), action,
/// channel and value (invariant, trailing zeros dropped; empty for impressions), joined by U+001F; and <c>k</c>
/// counts earlier rows of the file with the same content (0 for the first), so true duplicate rows still get
/// distinct ids. Line numbers are deliberately not hashed: reordering or prepending rows must not change ids.
/// </summary>
public sealed class JourneyEventIds
{
    /// <summary>Prefix naming the source, so these ids cannot collide with other sources' ids.</summary>
    public const string Prefix = "mta-";

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The id of the next row with this content; call once per row in file order.</summary>
    public string Next(string customerId, DateTimeOffset occurredAt, string action, string channel, decimal? value)
    {
        var content = string.Join('\u001f',
            customerId,
            occurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            action,
            channel,
            value is { } v ? v.ToString("G29", CultureInfo.InvariantCulture) : "");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        var k = _seen.TryGetValue(hash, out var count) ? count : 0;
        _seen[hash] = k + 1;
        return $"{Prefix}{hash}-{k}";
    }
}
