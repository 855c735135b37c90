namespace Frontline.Tests.Reference;

/// <summary>
/// Splits a CSV file by hand: lines on '\n' (dropping '\r'), fields on ','. Good enough for the shared files,
/// which have no quoted fields; refusing a quote keeps that assumption honest.
/// </summary>
public static class ReferenceCsv
{
    /// <summary>The data rows of <paramref name="path"/> (header and blank lines dropped), each split into fields.</summary>
    public static IEnumerable<string[]> Rows(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Contains('"')) throw new InvalidDataException($"{path}: quoted fields are beyond the reference splitter");
        return text.Split('\n')
            .Skip(1)
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','));
    }
}
