using System.Globalization;
using System.IO.Compression;
using System.Text;
using Frontline.Abstractions.Attribution;

namespace Frontline.Tests.Reference;

/// <summary>
/// An independent reading of the aggregated path file and of the simple models over it: GZipStream, plain line and
/// comma splitting, and the rules written out directly (first touch, last touch, linear 1/n per touch), sharing no
/// code with the product.
/// </summary>
public static class PathDataReference
{
    public static IReadOnlyList<PathDataRow> Read(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != "path,total_conversions,total_conversion_value,total_null")
        {
            throw new InvalidDataException($"unexpected header {header}");
        }

        var rows = new List<PathDataRow>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 4)
            {
                throw new InvalidDataException($"expected 4 fields: {line}");
            }

            rows.Add(new PathDataRow(
                [.. fields[0].Split('>').Select(c => c.Trim())],
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                double.Parse(fields[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Credit per channel of FIRST_TOUCH, LAST_TOUCH or LINEAR.</summary>
    public static IReadOnlyDictionary<string, ChannelCredit> Credit(IEnumerable<PathDataRow> rows, AttributionModel model)
    {
        var conversions = new Dictionary<string, double>();
        var values = new Dictionary<string, double>();
        void Add(string channel, double share, PathDataRow row)
        {
            conversions[channel] = conversions.GetValueOrDefault(channel) + (row.Conversions * share);
            values[channel] = values.GetValueOrDefault(channel) + (row.Value * share);
        }

        foreach (var row in rows.Where(r => r.Conversions > 0 || r.Value > 0))
        {
            switch (model)
            {
                case AttributionModel.FirstTouch:
                    Add(row.Channels[0], 1, row);
                    break;
                case AttributionModel.LastTouch:
                    Add(row.Channels[^1], 1, row);
                    break;
                case AttributionModel.Linear:
                    foreach (var channel in row.Channels)
                    {
                        Add(channel, 1.0 / row.Channels.Length, row);
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(model), model, "the reference has first touch, last touch and linear");
            }
        }

        return conversions.ToDictionary(kv => kv.Key, kv => new ChannelCredit(kv.Value, values[kv.Key]));
    }
}
