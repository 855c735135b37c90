using System.Globalization;
using Spectre.Console;

namespace Frontline.Silo.Import;

/// <summary>Renders the end-of-run table: per kind, what the server did with the items and how many rows never left.</summary>
public static class ImportSummary
{
    /// <summary>Writes the table for <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ImportRunResult result)
    {
        var table = new Table().Title("import summary");
        table.AddColumn(new TableColumn("kind").NoWrap());
        foreach (var heading in new[] { "items", "sent", "accepted", "duplicates", "rejected", "bad rows" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned().NoWrap());
        }

        foreach (var tally in result.Tallies)
        {
            table.AddRow(
                tally.Kind.ToString().ToLowerInvariant(),
                Number(tally.Items),
                Number(tally.Sent),
                Number(tally.Accepted),
                Number(tally.Duplicates),
                Number(tally.Rejected),
                Number(tally.BadRows));
        }

        console.Write(table);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
