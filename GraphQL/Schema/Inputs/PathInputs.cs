using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Common;

namespace Frontline.GraphQL.Schema.Inputs;

/// <summary>Parses and checks <c>PathInput</c> items; the first bad one rejects the whole import, which then changes nothing.</summary>
public static class PathInputs
{
    public static ImmutableArray<PathTally> Parse(object? value)
    {
        var items = InputMapper.List(value, item => item);
        var paths = ImmutableArray.CreateBuilder<PathTally>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var keys = (item["path"]?.ToString() ?? "").Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (keys.Length == 0)
            {
                throw Rejection.Invalid($"paths[{i}].path", "names no channel").ToError();
            }

            var counts = new[] { "conversions", "value", "nulls" }.Select(f => (Field: f, Number: Convert.ToDouble(item[f], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            if (counts.FirstOrDefault(c => c.Number < 0 || !double.IsFinite(c.Number)) is { Field: { } bad } found)
            {
                throw Rejection.Invalid($"paths[{i}].{bad}", $"{found.Number} is not a count >= 0").ToError();
            }

            paths.Add(new PathTally { Path = [.. keys], Conversions = counts[0].Number, Value = counts[1].Number, Nulls = counts[2].Number });
        }

        return paths.MoveToImmutable();
    }
}
