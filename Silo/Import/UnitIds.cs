using System.Text;

namespace Frontline.Silo.Import;

/// <summary>Builds unit ids from manager names (DESIGN §8).</summary>
public static class UnitIds
{
    /// <summary>
    /// Lower-cases <paramref name="manager"/> and turns every run of characters other than [a-z0-9] into one '-',
    /// trimming '-' at both ends: "Dustin Brinkmann" becomes "dustin-brinkmann". Non-ASCII letters count as "other",
    /// so ids stay URL- and key-safe; an all-"other" name gives "".
    /// </summary>
    public static string FromManager(string manager)
    {
        var builder = new StringBuilder(manager.Length);
        var pendingDash = false;
        foreach (var c in manager.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0) builder.Append('-');
                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }
}
