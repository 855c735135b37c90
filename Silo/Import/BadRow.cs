namespace Frontline.Silo.Import;

/// <summary>A source row the importer refused before sending; the rest of the file still lands.</summary>
/// <param name="Kind">The kind the row would have fed; summaries count bad rows per kind.</param>
/// <param name="File">File name without directory, as printed.</param>
/// <param name="Line">1-based physical line; the header is line 1.</param>
/// <param name="Column">The column at fault.</param>
/// <param name="Reason">Why the value was refused.</param>
public sealed record BadRow(ImportKind Kind, string File, int Line, string Column, string Reason)
{
    /// <summary>The <c>file:line: column: reason</c> form integrators grep for.</summary>
    public override string ToString() => $"{File}:{Line}: {Column}: {Reason}";
}
