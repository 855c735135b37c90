namespace Frontline.Silo.Import;

/// <summary>One data row of a CSV file, holding only the columns the caller asked for, in that order.</summary>
/// <param name="Line">1-based physical line where the row starts; the header is line 1.</param>
/// <param name="Values">Values of the requested columns; null where the row is too short to have that column.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string?> Values)
{
    /// <summary>The value of the <paramref name="index"/>-th requested column, or null when the row lacks it.</summary>
    public string? this[int index] => Values[index];
}
