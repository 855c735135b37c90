using System.Security.Cryptography;
using System.Text;

namespace Frontline.Silo.Storage;

/// <summary>Turns grain ids, state names and reminder keys into file and directory names.</summary>
internal static class FileNames
{
    // Keeps file names well under the 255-byte limit of common file systems.
    private const int MaxReadableLength = 120;

    /// <summary>
    /// Escapes a name so it is safe as one path segment on every platform: ASCII letters, digits and
    /// '-' stay, every other UTF-8 byte becomes '_' plus two hex digits. '_' and '.' are escaped too,
    /// so the mapping is injective and never yields "." or "..".
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '-'))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..count])
            {
                builder.Append('_').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A file name (without extension) for a key: a readable escaped prefix plus a hash of the exact
    /// key. The hash keeps long keys within file-name limits and keeps keys that differ only in case
    /// apart on case-insensitive file systems (macOS, Windows), where the escaped prefix alone would collide.
    /// </summary>
    public static string ForKey(string key)
    {
        var escaped = Escape(key);
        if (escaped.Length > MaxReadableLength)
        {
            escaped = escaped[..MaxReadableLength];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{escaped}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
