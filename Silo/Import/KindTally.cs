namespace Frontline.Silo.Import;

/// <summary>Running counts of one kind during a run; rows of the summary table.</summary>
public sealed class KindTally(ImportKind kind, int items, int badRows)
{
    /// <summary>The kind counted.</summary>
    public ImportKind Kind { get; } = kind;

    /// <summary>Items parsed and due to be sent.</summary>
    public int Items { get; } = items;

    /// <summary>Items sent so far.</summary>
    public int Sent { get; set; }

    /// <summary>Items the server applied for the first time.</summary>
    public int Accepted { get; set; }

    /// <summary>Items the server had already applied.</summary>
    public int Duplicates { get; set; }

    /// <summary>Items the server refused.</summary>
    public int Rejected { get; set; }

    /// <summary>Paths the scope holds after an <c>importPaths</c> request; null for other kinds and before an answer.</summary>
    public int? Stored { get; set; }

    /// <summary>Rows refused before sending.</summary>
    public int BadRows { get; } = badRows;
}
