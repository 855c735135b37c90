using System.Collections.Immutable;
using Frontline.Abstractions.Common;
using Frontline.GraphQL.Schema.Inputs;

namespace Frontline.Silo.Import;

/// <summary>
/// Turns an aggregated path file (path,total_conversions,total_conversion_value,total_null; plain or gzip) into
/// distinct paths with their counts. Pure apart from reading the file: nothing here talks to a server.
/// </summary>
public static class PathParser
{
    private static readonly string[] Columns = ["path", "total_conversions", "total_conversion_value", "total_null"];

    /// <summary>Parses the path file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportInputException">The file or a required column is missing.</exception>
    public static PathImport Parse(string path)
    {
        var file = Path.GetFileName(path);
        var rows = CsvFile.Read(path, Columns);
        var badRows = ImmutableArray.CreateBuilder<BadRow>();
        var bad = new BadRowSink(badRows, ImportKind.Paths, file);

        // The source promises unique paths, but a concatenated or hand-edited file may repeat one; the server replaces
        // by path, so a repeat sent as is would silently drop the other row's journeys. Summing keeps them.
        var order = new List<(string Path, int Line)>();
        var rowsOf = new Dictionary<string, List<CsvRecord>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, (double Conversions, double Value, double Nulls)>(StringComparer.Ordinal);
        var goodRows = 0;
        foreach (var row in rows)
        {
            if (!TryNormalise(row[0], out var channels, out var problem)) { bad.Add(row, Columns[0], problem); continue; }

            var counts = new double[Columns.Length - 1];
            var refused = false;
            for (var c = 0; c < counts.Length && !refused; c++)
            {
                // Counts of journeys must be whole; the value column is money. The server refuses the whole import on
                // the first item that breaks either rule, so a row that would do so is refused here, alone.
                if (CountProblem(row[c + 1], out counts[c], whole: c != 1) is { } countProblem)
                {
                    bad.Add(row, Columns[c + 1], countProblem);
                    refused = true;
                }
            }

            if (refused) continue;

            goodRows++;
            if (!rowsOf.TryGetValue(channels, out var same))
            {
                rowsOf[channels] = same = [];
            }

            same.Add(row);
            if (totals.TryGetValue(channels, out var sum))
            {
                totals[channels] = (sum.Conversions + counts[0], sum.Value + counts[1], sum.Nulls + counts[2]);
            }
            else
            {
                totals[channels] = (counts[0], counts[1], counts[2]);
                order.Add((channels, row.Line));
            }
        }

        // Value without a converting journey is refused by the server for the whole import; it can only be judged once
        // a path's rows are summed, so every row of such a path is reported and the path is left out.
        foreach (var (channels, (conversions, value, _)) in totals)
        {
            if (conversions == 0 && value != 0)
            {
                foreach (var row in rowsOf[channels])
                {
                    bad.Add(row, Columns[2], $"is not 0 but no journey on path '{channels}' converted");
                }

                goodRows -= rowsOf[channels].Count;
                order.RemoveAll(p => p.Path == channels);
            }
        }

        badRows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new PathImport
        {
            File = file,
            Paths = [.. order.Select(p =>
            {
                var (conversions, value, nulls) = totals[p.Path];
                return new Sourced<ImportedPath>(new ImportedPath(p.Path, conversions, value, nulls), file, p.Line);
            })],
            Rows = goodRows,
            BadRows = badRows.ToImmutable(),
        };
    }

    private static bool TryNormalise(string? text, out string path, out string problem)
    {
        path = "";
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = text is null ? "missing" : "empty";
            return false;
        }

        var channels = text.Split('>', StringSplitOptions.TrimEntries);
        var empty = Array.FindIndex(channels, c => c.Length == 0);
        if (empty >= 0)
        {
            // Dropping the empty element would merge this row into a shorter path with different credit.
            problem = $"channel {empty + 1} of '{text}' is empty";
            return false;
        }

        for (var i = 0; i < channels.Length; i++)
        {
            if (InputLimits.LabelProblem(channels[i]) is { } labelProblem)
            {
                problem = $"channel {i + 1} {labelProblem}";
                return false;
            }
        }

        path = string.Join(ImportedPath.Separator, channels);
        return true;
    }

    private static string? CountProblem(string? text, out double count, bool whole)
    {
        count = 0;
        if (text is null) return "missing";
        if (text.Length == 0) return "empty";
        if (!CsvValues.TryParseDouble(text, out var parsed)) return $"'{text}' is not a number";
        if (!double.IsFinite(parsed)) return $"'{text}' is not a finite number";
        if (parsed < 0) return $"'{text}' is negative";
        if (whole && (parsed != Math.Floor(parsed) || parsed > PathInputs.MaxCount)) return $"'{text}' is not a whole number of journeys up to {PathInputs.MaxCount:0}";
        if (!whole && parsed > (double)InputLimits.MaxMoney) return $"'{text}' is larger than {InputLimits.MaxMoney}";

        // + 0.0 turns a "-0" into 0, so it is not sent as -0.
        count = parsed + 0.0;
        return null;
    }
}
