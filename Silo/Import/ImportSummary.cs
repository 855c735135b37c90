using System.Globalization;
using Spectre.Console;

namespace Frontline.Silo.Import;

/// <summary>Renders the end-of-run table: per kind, what the server did with the items and how many rows never left.</summary>
public static class ImportSummary
{
    /// <summary>Writes the table for <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ImportRunResult result)
    {
        // Batch kinds get per-item verdicts, paths only the count the scope holds: show the columns that apply.
        var ingest = result.Tallies.Any(t => t.Kind != ImportKind.Paths);
        var paths = result.Tallies.Any(t => t.Kind == ImportKind.Paths);
        var table = new Table().Title("import summary");
        table.AddColumn(new TableColumn("kind").NoWrap());
        var headings = new List<string> { "items", "sent" };
        if (ingest) headings.AddRange(["accepted", "duplicates", "rejected"]);
        if (paths) headings.Add("stored");
        headings.Add("bad rows");
        foreach (var heading in headings) table.AddColumn(new TableColumn(heading).RightAligned().NoWrap());

        foreach (var tally in result.Tallies)
        {
            var isPaths = tally.Kind == ImportKind.Paths;
            var cells = new List<string> { tally.Kind.ToString().ToLowerInvariant(), Number(tally.Items), Number(tally.Sent) };
            if (ingest) cells.AddRange(isPaths ? ["", "", ""] : [Number(tally.Accepted), Number(tally.Duplicates), Number(tally.Rejected)]);
            if (paths) cells.Add(tally.Stored is { } stored ? Number(stored) : "");
            cells.Add(Number(tally.BadRows));
            table.AddRow([.. cells]);
        }

        console.Write(table);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
