using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Grains.Attribution.Models;

/// <summary>
/// First-order Markov attribution by removal effect (DESIGN §4), solved exactly. States: start, every key,
/// conversion and null; consecutive repeats of a key collapse into one state. P(conversion) is the absorption
/// probability from start, found by solving (I - Q) x = r over the transient states. Removing a key sends every
/// transition into it to null; its removal effect is 1 - P(without it) / P. Credit is the removal effects
/// normalised to the total conversions (and value). Cost: O(path elements) to count, O(k^4) to solve for k keys.
/// </summary>
public static class MarkovModel
{
    /// <summary>Most distinct keys a chain may have: solving costs O(k^3), about a second at this size.</summary>
    public const int MaxKeys = 1000;

    /// <summary>Names of the chain's special states in transition counts (no key may be spelled like them).</summary>
    public const string StartState = "(start)", ConversionState = "(conversion)", NullState = "(null)";

    /// <summary>Counts the transitions of a path from scratch and solves the chain.</summary>
    public static MarkovResult Compute(IEnumerable<PathCount> paths)
    {
        var counts = new Dictionary<(string From, string To), double>();
        double conversions = 0, value = 0;
        foreach (var path in paths)
        {
            if (CountPath(counts, path.Path, path.Conversions, path.Nulls, sign: 1))
            {
                conversions += path.Conversions;
                value += path.Value;
            }
        }

        return Compute(counts, conversions, value);
    }

    /// <summary>
    /// Adds (sign +1) or removes (-1) a path's transitions, repeats collapsed: start to its first key, key to key,
    /// last key to conversion for converting journeys and to null for the others. These counts are all the chain
    /// needs, so scopes keep them as journeys come and go and never rescan journeys. Returns false for an empty path.
    /// </summary>
    public static bool CountPath(IDictionary<(string From, string To), double> counts, IReadOnlyList<string> path, double conversions, double nulls, int sign)
    {
        var collapsed = Collapse(path);
        if (collapsed.Count == 0)
        {
            return false;
        }

        var journeys = sign * (conversions + nulls);
        var previous = StartState;
        foreach (var key in collapsed)
        {
            Add(counts, (previous, key), journeys);
            previous = key;
        }

        Add(counts, (previous, ConversionState), sign * conversions);
        Add(counts, (previous, NullState), sign * nulls);
        return true;
    }

    /// <summary>
    /// Solves the chain given by transition counts; credit is the normalised removal effects times
    /// <paramref name="totalConversions"/> and <paramref name="totalValue"/> (those of journeys with touches).
    /// </summary>
    public static MarkovResult Compute(IReadOnlyDictionary<(string From, string To), double> counts, double totalConversions, double totalValue)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string key)
        {
            if (!keys.TryGetValue(key, out var index))
            {
                keys[key] = index = keys.Count;
            }

            return index;
        }

        const int Start = -1;
        var transitions = new Dictionary<(int From, int To), double>();
        var toConversion = new Dictionary<int, double>();
        foreach (var ((from, to), count) in counts.OrderBy(c => c.Key.From, StringComparer.Ordinal).ThenBy(c => c.Key.To, StringComparer.Ordinal))
        {
            if (Math.Abs(count) < 1e-9)
            {
                continue;
            }

            var source = from == StartState ? Start : Index(from);
            switch (to)
            {
                case ConversionState:
                    toConversion[source] = toConversion.GetValueOrDefault(source) + count;
                    break;
                case NullState:
                    // Nulls only add to the row total: absorption in null contributes nothing to P(conversion).
                    transitions[(source, int.MaxValue)] = transitions.GetValueOrDefault((source, int.MaxValue)) + count;
                    break;
                default:
                    var target = Index(to);
                    transitions[(source, target)] = transitions.GetValueOrDefault((source, target)) + count;
                    break;
            }
        }

        if (keys.Count > MaxKeys)
        {
            throw new AttributionLimitException($"MARKOV solves chains of up to {MaxKeys} distinct keys; this one has {keys.Count}");
        }

        var chain = new Chain(keys.Count, transitions, toConversion);
        var withoutEach = chain.ConversionProbabilitiesWithoutEach(out var probability);
        var effects = keys.ToDictionary(
            kv => kv.Key,
            kv => probability == 0 ? 0 : Math.Clamp(1 - (withoutEach[kv.Value] / probability), 0, 1),
            StringComparer.Ordinal);
        var sum = effects.Values.Sum();
        var credits = effects.ToDictionary(
            kv => kv.Key,
            kv => sum == 0 ? default : new KeyCredit(kv.Value / sum * totalConversions, kv.Value / sum * totalValue),
            StringComparer.Ordinal);
        return new MarkovResult(probability, effects, credits);
    }

    private static void Add(IDictionary<(string From, string To), double> counts, (string From, string To) transition, double amount)
    {
        if (amount == 0)
        {
            return;
        }

        var total = counts.TryGetValue(transition, out var current) ? current + amount : amount;
        if (Math.Abs(total) < 1e-9)
        {
            counts.Remove(transition);
        }
        else
        {
            counts[transition] = total;
        }
    }

    private static List<string> Collapse(IReadOnlyList<string> path)
    {
        var collapsed = new List<string>(path.Count);
        foreach (var key in path)
        {
            if (collapsed.Count == 0 || collapsed[^1] != key)
            {
                collapsed.Add(key);
            }
        }

        return collapsed;
    }

    /// <summary>The absorbing chain: transient states are the keys 0..k-1 plus start (index k).</summary>
    private sealed class Chain
    {
        private readonly int _keys;
        private readonly double[,] _probability; // [from, to] over transient states
        private readonly double[] _conversion;   // probability of absorbing in conversion next

        public Chain(int keys, Dictionary<(int From, int To), double> counts, Dictionary<int, double> toConversion)
        {
            _keys = keys;
            var size = keys + 1;
            _probability = new double[size, size];
            _conversion = new double[size];
            var rowTotals = new double[size];
            foreach (var ((from, _), count) in counts)
            {
                rowTotals[Index(from)] += count;
            }

            // Conversions leave their state too: without them a row's probabilities would not sum to 1.
            foreach (var (state, count) in toConversion)
            {
                rowTotals[state] += count;
            }

            foreach (var ((from, to), count) in counts)
            {
                if (to != int.MaxValue && rowTotals[Index(from)] > 0)
                {
                    _probability[Index(from), to] += count / rowTotals[Index(from)];
                }
            }

            foreach (var (state, count) in toConversion)
            {
                if (rowTotals[state] > 0)
                {
                    _conversion[state] = count / rowTotals[state];
                }
            }
        }

        private int Index(int state) => state < 0 ? _keys : state;

        /// <summary>
        /// P(conversion) from start, and for every key r the same with r removed, from one inversion of (I - Q):
        /// with N = (I - Q)^-1, h = N c the conversion probability from each state and f(s, r) = N[s,r] / N[r,r]
        /// the probability of ever reaching r from start, P(without r) = P - f(s, r) h(r) (convert before
        /// reaching r). O(k^3) in all, instead of one O(k^3) solve per key. Falls back to per-key solves when the
        /// matrix is singular (a state with no way out, which counted paths never produce).
        /// </summary>
        public double[] ConversionProbabilitiesWithoutEach(out double probability)
        {
            var size = _keys + 1;
            var inverse = Invert(size);
            if (inverse is null)
            {
                probability = ConversionProbability(removed: null);
                return [.. Enumerable.Range(0, _keys).Select(r => ConversionProbability(r))];
            }

            var h = new double[size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    h[i] += inverse[i, j] * _conversion[j];
                }
            }

            probability = h[_keys];
            var without = new double[_keys];
            for (var r = 0; r < _keys; r++)
            {
                var reach = inverse[r, r] == 0 ? 0 : inverse[_keys, r] / inverse[r, r];
                without[r] = Math.Max(0, probability - (reach * h[r]));
            }

            return without;
        }

        /// <summary>(I - Q)^-1 by Gauss-Jordan elimination with partial pivoting; null when singular.</summary>
        private double[,]? Invert(int n)
        {
            var a = new double[n, 2 * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i, j] = (i == j ? 1 : 0) - _probability[i, j];
                }

                a[i, n + i] = 1;
            }

            for (var col = 0; col < n; col++)
            {
                var pivot = col;
                for (var row = col + 1; row < n; row++)
                {
                    if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                    {
                        pivot = row;
                    }
                }

                if (Math.Abs(a[pivot, col]) < 1e-12)
                {
                    return null;
                }

                if (pivot != col)
                {
                    for (var k = 0; k < 2 * n; k++)
                    {
                        (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                    }
                }

                var diagonal = a[col, col];
                for (var k = 0; k < 2 * n; k++)
                {
                    a[col, k] /= diagonal;
                }

                for (var row = 0; row < n; row++)
                {
                    var factor = a[row, col];
                    if (row == col || factor == 0)
                    {
                        continue;
                    }

                    for (var k = 0; k < 2 * n; k++)
                    {
                        a[row, k] -= factor * a[col, k];
                    }
                }
            }

            var inverse = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    inverse[i, j] = a[i, n + j];
                }
            }

            return inverse;
        }

        /// <summary>Absorption probability in conversion from start, with one key's state removed (sent to null).</summary>
        public double ConversionProbability(int? removed)
        {
            var size = _keys + 1;
            var a = new double[size, size + 1];
            for (var i = 0; i < size; i++)
            {
                a[i, i] = 1;
                if (i == removed)
                {
                    // x_removed = 0: the removed state absorbs into null.
                    continue;
                }

                for (var j = 0; j < size; j++)
                {
                    a[i, j] -= _probability[i, j];
                }

                a[i, size] = _conversion[i];
            }

            return Solve(a, size)[_keys];
        }

        /// <summary>Gaussian elimination with partial pivoting on an augmented matrix.</summary>
        private static double[] Solve(double[,] a, int n)
        {
            for (var col = 0; col < n; col++)
            {
                var pivot = col;
                for (var row = col + 1; row < n; row++)
                {
                    if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                    {
                        pivot = row;
                    }
                }

                if (pivot != col)
                {
                    for (var k = col; k <= n; k++)
                    {
                        (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                    }
                }

                var diagonal = a[col, col];
                if (Math.Abs(diagonal) < 1e-15)
                {
                    // A state that can never be left nor absorbed: it converts with probability 0.
                    continue;
                }

                for (var row = 0; row < n; row++)
                {
                    if (row == col || a[row, col] == 0)
                    {
                        continue;
                    }

                    var factor = a[row, col] / diagonal;
                    for (var k = col; k <= n; k++)
                    {
                        a[row, k] -= factor * a[col, k];
                    }
                }
            }

            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = Math.Abs(a[i, i]) < 1e-15 ? 0 : a[i, n] / a[i, i];
            }

            return x;
        }
    }
}
