using nietras.SeparatedValues;

namespace Frontline.Silo.Import;

/// <summary>Reads a comma-separated file with a header into rows of the named columns.</summary>
public static class CsvFile
{
    /// <summary>
    /// Reads every data row of <paramref name="path"/>, keeping <paramref name="columns"/> in the given order.
    /// Line numbers are physical lines (a quoted field may span several), so reports point at the right row.
    /// A gzip file is read decompressed.
    /// </summary>
    /// <exception cref="ImportInputException">The file is missing, empty, a corrupt gzip file or lacks one of the columns.</exception>
    public static IReadOnlyList<CsvRecord> Read(string path, IReadOnlyList<string> columns)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ImportInputException($"{path}: file not found");
        try
        {
            return ReadRows(path, name, columns);
        }
        catch (InvalidDataException e)
        {
            // Only a gzip stream throws this: the file starts like gzip but is truncated or corrupt.
            throw new ImportInputException($"{name}: not a readable gzip file ({e.Message})");
        }
    }

    private static List<CsvRecord> ReadRows(string path, string name, IReadOnlyList<string> columns)
    {

        // Unescape quoted fields and trim around them; a short row is a bad row for the caller, not an exception here.
        var options = Sep.New(',').Reader(o => o with
        {
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
        });
        using var stream = InputFile.Open(path);
        using var reader = options.From(stream);
        if (!reader.HasHeader || reader.Header.ColNames.Count == 0) throw new ImportInputException($"{name}: no header line");

        var header = reader.Header.ColNames;
        var indexes = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            indexes[i] = IndexOf(header, columns[i]);
            if (indexes[i] < 0) throw new ImportInputException($"{name}:1: column '{columns[i]}' not found in the header");
        }

        var rows = new List<CsvRecord>();
        foreach (var row in reader)
        {
            // A blank line (typically the last one) has no data; skipping it is not worth a report.
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue;

            var values = new string?[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                values[i] = indexes[i] < row.ColCount ? row[indexes[i]].ToString() : null;
            }

            rows.Add(new CsvRecord(row.LineNumberFrom, values));
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return -1;
    }
}
