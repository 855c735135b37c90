namespace Frontline.Silo.Import;

/// <summary>An item with the file line it came from, so a server rejection can be traced back to its row.</summary>
/// <param name="Item">The command to send.</param>
/// <param name="File">File name without directory.</param>
/// <param name="Line">1-based physical line of the row (the first row, for items built from several).</param>
public readonly record struct Sourced<T>(T Item, string File, int Line);
