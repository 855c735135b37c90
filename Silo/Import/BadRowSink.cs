using System.Collections.Immutable;

namespace Frontline.Silo.Import;

/// <summary>Collects bad rows of one file so parsers name the file and kind once.</summary>
internal sealed class BadRowSink(ImmutableArray<BadRow>.Builder rows, ImportKind kind, string file)
{
    /// <summary>Records that <paramref name="row"/> was refused because of <paramref name="column"/>.</summary>
    public void Add(CsvRecord row, string column, string reason) => rows.Add(new BadRow(kind, file, row.Line, column, reason));
}
