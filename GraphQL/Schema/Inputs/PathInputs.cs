using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Common;

namespace Frontline.GraphQL.Schema.Inputs;

/// <summary>
/// Parses and checks <c>PathInput</c> items; the first bad one rejects the whole import, which then changes
/// nothing (a partial replacement would silently lose the rest of the scope's paths).
/// </summary>
public static class PathInputs
{
    /// <summary>Most paths one import may hold (the import command refuses larger files before sending).</summary>
    public const int MaxPaths = 200_000;

    /// <summary>Largest journey count on one path: counts are whole journeys.</summary>
    public const double MaxCount = 1_000_000_000;

    public static ImmutableArray<PathTally> Parse(object? value)
    {
        var items = InputMapper.List(value, item => item);
        if (items.Length > MaxPaths)
        {
            throw Rejection.Invalid("paths", $"{items.Length} paths; at most {MaxPaths} may be imported at once").ToError();
        }

        var paths = ImmutableArray.CreateBuilder<PathTally>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            paths.Add(ParseOne(items[i], $"paths[{i}]"));
        }

        return paths.MoveToImmutable();
    }

    private static PathTally ParseOne(IDictionary<string, object?> item, string at)
    {
        var keys = (item["path"]?.ToString() ?? "").Split('>', StringSplitOptions.TrimEntries);
        for (var k = 0; k < keys.Length; k++)
        {
            if (InputLimits.LabelProblem(keys[k]) is { } problem)
            {
                throw Rejection.Invalid($"{at}.path", $"element {k + 1} {problem}").ToError();
            }
        }

        var conversions = Number(item, "conversions", at);
        var nulls = Number(item, "nulls", at);
        var value = Number(item, "value", at);
        foreach (var (field, count) in new[] { ("conversions", conversions), ("nulls", nulls) })
        {
            if (count != Math.Floor(count) || count > MaxCount)
            {
                throw Rejection.Invalid($"{at}.{field}", $"{count} is not a whole number of journeys up to {MaxCount:0}").ToError();
            }
        }

        if (InputLimits.MoneyProblem((decimal)Math.Min(value, (double)InputLimits.MaxMoney * 10)) is { } moneyProblem)
        {
            throw Rejection.Invalid($"{at}.value", moneyProblem).ToError();
        }

        if (conversions == 0 && value != 0)
        {
            throw Rejection.Invalid($"{at}.value", "must be 0 when no journey converted").ToError();
        }

        return new PathTally { Path = [.. keys], Conversions = conversions, Value = value, Nulls = nulls };
    }

    private static double Number(IDictionary<string, object?> item, string field, string at)
    {
        var number = Convert.ToDouble(item[field], System.Globalization.CultureInfo.InvariantCulture);
        return number >= 0 && double.IsFinite(number)
            ? number
            : throw Rejection.Invalid($"{at}.{field}", $"{number} is not a count >= 0").ToError();
    }
}
