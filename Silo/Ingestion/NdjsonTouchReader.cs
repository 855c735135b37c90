using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Frontline.Abstractions.Events;

namespace Frontline.Silo.Ingestion;

/// <summary>
/// Reads NDJSON touch envelopes (one JSON object per line, the <c>TouchInput</c> field names). A line that is not
/// an object, or whose fields have the wrong type, is reported with its line number and field; the rest still go.
/// Missing fields are left empty so the domain's validator names them, as it does for GraphQL.
/// </summary>
public static partial class NdjsonTouchReader
{
    public static async Task<(List<(int Line, TouchEnvelope Touch)> Touches, List<BulkRejection> Rejected)> ReadAsync(
        Stream body, int maxLines, CancellationToken cancellationToken)
    {
        var touches = new List<(int, TouchEnvelope)>();
        var rejected = new List<BulkRejection>();
        // NDJSON is UTF-8: a body that happens to start with FF FE must not be read as UTF-16 (all lines would melt
        // into one). A UTF-8 byte order mark is still skipped; invalid bytes become U+FFFD and fail their line only.
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (touches.Count + rejected.Count >= maxLines)
            {
                throw new BulkLimitException($"more than {maxLines} lines in one request");
            }

            try
            {
                touches.Add((number, Parse(line)));
            }
            catch (FieldException e)
            {
                rejected.Add(new BulkRejection(number, e.Field, e.Message));
            }
            catch (JsonException)
            {
                rejected.Add(new BulkRejection(number, "line", "is not a JSON object"));
            }
        }

        return (touches, rejected);
    }

    private static TouchEnvelope Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException("line", "is not a JSON object");
        }

        return new TouchEnvelope
        {
            EventId = Text(root, "eventId") ?? "",
            CustomerId = Text(root, "customerId") ?? "",
            Action = Text(root, "action") ?? "",
            Channel = Text(root, "channel") ?? "",
            OccurredAt = Time(root, "occurredAt"),
            Source = Text(root, "source") ?? "",
            OpportunityId = Text(root, "opportunityId"),
            Value = Number(root, "value"),
            Attributes = Attributes(root),
        };
    }

    private static string? Text(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FieldException(field, "must be a string");

    // ISO-8601 with an offset, as the GraphQL DateTime scalar takes it: a loose parse would read "01/02/2026" as 2 January
    // (US order), "10:00" as today and a time without an offset as UTC, and store them.
    private static DateTimeOffset Time(JsonElement root, string field) =>
        Text(root, field) is not { } text ? default
        : IsoDateTimeWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime()
        : throw new FieldException(field, $"'{text}' is not an ISO-8601 date-time with an offset (e.g. 2026-12-01T10:00:00Z)");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTimeWithOffset();

    private static decimal? Number(JsonElement root, string field) =>
        !root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number
        : throw new FieldException(field, "must be a number");

    private static ImmutableDictionary<string, string> Attributes(JsonElement root)
    {
        if (!root.TryGetProperty("attributes", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        // Both the GraphQL shape ([{key, value}]) and a plain object are accepted.
        var pairs = value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ToString())),
            JsonValueKind.Array => value.EnumerateArray().Select(a => KeyValuePair.Create(Text(a, "key") ?? "", Text(a, "value") ?? "")),
            _ => throw new FieldException("attributes", "must be an object or a list of {key, value}"),
        };
        return pairs.GroupBy(p => p.Key).ToImmutableDictionary(g => g.Key, g => g.Last().Value);
    }

    private sealed class FieldException(string field, string reason) : Exception(reason)
    {
        public string Field { get; } = field;
    }
}
