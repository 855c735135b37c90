namespace Frontline.Grains.Attribution.Models;

/// <summary>
/// Shapley values of the set-based worth game (DESIGN §4): players are keys, v(S) = conversions (or value) of
/// the journeys whose set of touched keys is a subset of S. That v is a sum of unanimity games, one per distinct
/// touch set T weighted by its conversions w(T), and the Shapley value of a unanimity game splits w(T) equally
/// over T. So phi_i = sum over T containing i of w(T) / |T| is the exact value for any number of players:
/// no 2^n enumeration and no approximation (error bound 0), in O(path elements). Nulls add no worth.
/// </summary>
public static class ShapleyModel
{
    public static IReadOnlyDictionary<string, KeyCredit> Compute(IEnumerable<PathCount> paths)
    {
        var credits = new Dictionary<string, KeyCredit>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path.Conversions == 0 && path.Value == 0)
            {
                continue;
            }

            var players = path.Path.Distinct(StringComparer.Ordinal).ToList();
            foreach (var player in players)
            {
                credits[player] = credits.GetValueOrDefault(player).Add(path.Conversions / players.Count, path.Value / players.Count);
            }
        }

        return credits;
    }
}
