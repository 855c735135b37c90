using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;
using Frontline.Grains.Attribution.Models;

namespace Frontline.Tests.Attribution;

/// <summary>
/// The golden cases of ../shared/golden/attribution.md as conversion records (one per converting journey, value 1,
/// and one null record per non-converting journey), as aggregated paths, and as imported path tallies (value equal
/// to conversions, so value credits equal conversion credits).
/// </summary>
public static class GoldenPaths
{
    public static readonly (string Path, int Conversions, int Nulls)[] CaseA =
    [
        ("A > B > A > B > B > A", 1, 0),
        ("A > B > B > A > A", 1, 0),
        ("A > A", 1, 0),
    ];

    public static readonly (string Path, int Conversions, int Nulls)[] CaseB =
    [
        ("direct", 2, 1),
        ("search > email", 3, 2),
        ("search > social > email", 5, 4),
    ];

    public static readonly (string Path, int Conversions, int Nulls)[] CaseC =
    [
        ("a > b", 3, 1),
        ("a > c", 1, 1),
    ];

    public static readonly DateTimeOffset ConvertedAt = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<string> Steps(string path) => path.Split(" > ", StringSplitOptions.TrimEntries);

    /// <summary>Records with each path step as a touch on that channel (and action), one hour apart before the conversion.</summary>
    public static ImmutableArray<ConversionRecord> Records((string Path, int Conversions, int Nulls)[] rows)
    {
        var records = ImmutableArray.CreateBuilder<ConversionRecord>();
        foreach (var (path, conversions, nulls) in rows)
        {
            var steps = Steps(path);
            for (var n = 0; n < nulls; n++)
            {
                records.Add(new ConversionRecord
                {
                    Id = $"null:{path}#{n}",
                    CustomerId = $"{path}#null{n}",
                    At = ConvertedAt.AddHours(-1),
                    Value = 0,
                    Converted = false,
                    Touches = [.. steps.Select((s, i) => new CreditedTouch { Action = s, Channel = s, OccurredAt = ConvertedAt.AddHours(i - steps.Count) })],
                });
            }

            for (var n = 0; n < conversions; n++)
            {
                records.Add(new ConversionRecord
                {
                    Id = $"{path}#{n}",
                    CustomerId = $"{path}#{n}",
                    At = ConvertedAt,
                    Value = 1,
                    Touches = [.. steps.Select((s, i) => new CreditedTouch { Action = s, Channel = s, OccurredAt = ConvertedAt.AddHours(i - steps.Count) })],
                });
            }
        }

        return records.ToImmutable();
    }

    /// <summary>The rows as aggregated paths for the data-driven models.</summary>
    public static IReadOnlyList<PathCount> PathCounts((string Path, int Conversions, int Nulls)[] rows) =>
        [.. rows.Select(r => new PathCount([.. Steps(r.Path)], r.Conversions, r.Conversions, r.Nulls))];

    /// <summary>The rows as imported CHANNEL paths.</summary>
    public static ImmutableArray<PathTally> Tallies((string Path, int Conversions, int Nulls)[] rows) =>
        [.. rows.Select(r => new PathTally { Path = [.. Steps(r.Path)], Conversions = r.Conversions, Value = r.Conversions, Nulls = r.Nulls })];
}
