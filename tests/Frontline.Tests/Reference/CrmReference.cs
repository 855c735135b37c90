using System.Globalization;

namespace Frontline.Tests.Reference;

/// <summary>
/// An independent reading of the CRM export for end-to-end checks: plain string splitting, no product code, so a
/// bug in the importer or the grains cannot hide in the expected numbers too.
/// </summary>
public static class CrmReference
{
    /// <summary>Per unit id (manager slug): opportunity, won, lost and open counts and won value, from sales_pipeline.csv + sales_teams.csv.</summary>
    public static IReadOnlyDictionary<string, UnitReferenceCounts> Compute(string crmDirectory)
    {
        var unitOfAgent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fields in ReferenceCsv.Rows(Path.Combine(crmDirectory, "sales_teams.csv")))
        {
            unitOfAgent[fields[0]] = Slug(fields[1]);
        }

        var counts = unitOfAgent.Values.Distinct().ToDictionary(u => u, _ => new UnitReferenceCounts(0, 0, 0, 0, 0m));
        foreach (var fields in ReferenceCsv.Rows(Path.Combine(crmDirectory, "sales_pipeline.csv")))
        {
            var unit = unitOfAgent[fields[1]];
            var stage = fields[4];
            var c = counts[unit];
            counts[unit] = c with
            {
                Opportunities = c.Opportunities + 1,
                Won = c.Won + (stage == "Won" ? 1 : 0),
                Lost = c.Lost + (stage == "Lost" ? 1 : 0),
                Open = c.Open + (stage is "Engaging" or "Prospecting" ? 1 : 0),
                WonValue = c.WonValue + (stage == "Won" ? decimal.Parse(fields[7], CultureInfo.InvariantCulture) : 0m),
            };
        }

        return counts;
    }

    // Written separately from the importer's UnitIds on purpose: same rule, different code.
    private static string Slug(string manager)
    {
        var chars = manager.ToLowerInvariant().Select(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? ch : '-');
        var parts = new string([.. chars]).Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts);
    }
}
