using System.Collections.Immutable;
using Frontline.Abstractions.Attribution;

namespace Frontline.Tests.Attribution;

/// <summary>The golden cases of ../shared/golden/attribution.md as conversion records: one record per converting journey, value 1.</summary>
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
        foreach (var (path, conversions, _) in rows)
        {
            var steps = Steps(path);
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
}
