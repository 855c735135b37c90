using System.Collections.Immutable;

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
    /// <summary>From paths: each path counts for its set of distinct keys.</summary>
    public static IReadOnlyDictionary<string, KeyCredit> Compute(IEnumerable<PathCount> paths) =>
        Compute(paths.Select(p => new CoalitionWorth(SetOf(p.Path), p.Conversions, p.Value)));

    /// <summary>
    /// From coalition worths: conversions and value per distinct set of keys a converting journey touched. Scopes
    /// keep these as journeys come and go (at most one entry per set), so no journey is rescanned.
    /// </summary>
    public static IReadOnlyDictionary<string, KeyCredit> Compute(IEnumerable<CoalitionWorth> worths)
    {
        var credits = new Dictionary<string, KeyCredit>(StringComparer.Ordinal);
        foreach (var worth in worths)
        {
            if ((worth.Conversions == 0 && worth.Value == 0) || worth.Players.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var player in worth.Players)
            {
                credits[player] = credits.GetValueOrDefault(player).Add(worth.Conversions / worth.Players.Length, worth.Value / worth.Players.Length);
            }
        }

        return credits;
    }

    /// <summary>The distinct keys of a path, sorted: the coalition it counts for.</summary>
    public static ImmutableArray<string> SetOf(IEnumerable<string> path) => [.. path.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
