using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Grains.Customers;

namespace Frontline.Grains.Attribution;

/// <summary>
/// Pure diff between the conversion records a customer should have in the scopes and what the scopes already hold:
/// the changes to send per scope and the new bookkeeping. Only changed records travel, so the cost of an event is
/// proportional to its own customer's conversions, not to history.
/// </summary>
public static class AttributionSync
{
    /// <summary>
    /// The scopes a record belongs to: the organisation, the customer's segment, region and industry when known,
    /// and the unit credited with it.
    /// </summary>
    public static ImmutableArray<string> ScopesOf(ConversionRecord record, Segment segment, string? region, string? industry)
    {
        var scopes = ImmutableArray.CreateBuilder<string>(5);
        scopes.Add(AttributionScopes.Org);
        scopes.Add(AttributionScopes.Segment(segment));
        if (!string.IsNullOrWhiteSpace(region))
        {
            scopes.Add(AttributionScopes.Region(region));
        }

        if (!string.IsNullOrWhiteSpace(industry))
        {
            scopes.Add(AttributionScopes.Industry(industry));
        }

        if (!string.IsNullOrWhiteSpace(record.UnitId))
        {
            scopes.Add(AttributionScopes.Unit(record.UnitId));
        }

        return scopes.ToImmutable();
    }

    /// <summary>Plans the sends that bring the scopes from <paramref name="published"/> to <paramref name="records"/>.</summary>
    public static (IReadOnlyDictionary<string, AttributionChange> Changes, ImmutableDictionary<string, PublishedConversion> Published) Plan(
        ImmutableArray<ConversionRecord> records, ImmutableDictionary<string, PublishedConversion> published, Func<ConversionRecord, ImmutableArray<string>> scopesOf)
    {
        var upserts = new Dictionary<string, List<ConversionRecord>>(StringComparer.Ordinal);
        var removals = new Dictionary<string, List<ConversionKey>>(StringComparer.Ordinal);
        var next = ImmutableDictionary.CreateBuilder<string, PublishedConversion>(StringComparer.Ordinal);

        foreach (var record in records)
        {
            var entry = new PublishedConversion { At = record.At, Scopes = scopesOf(record), Fingerprint = Fingerprint(record) };
            next[record.Id] = entry;
            var old = published.GetValueOrDefault(record.Id);
            foreach (var scope in entry.Scopes)
            {
                if (old is null || old.Fingerprint != entry.Fingerprint || !old.Scopes.Contains(scope))
                {
                    Add(upserts, scope, record);
                }
            }

            // A record that left a scope, or moved to another hour, is dropped where it was.
            foreach (var scope in old?.Scopes ?? [])
            {
                if (!entry.Scopes.Contains(scope) || old!.At != entry.At)
                {
                    Add(removals, scope, new ConversionKey { Id = record.Id, At = old!.At });
                }
            }
        }

        foreach (var (id, old) in published)
        {
            if (!next.ContainsKey(id))
            {
                foreach (var scope in old.Scopes)
                {
                    Add(removals, scope, new ConversionKey { Id = id, At = old.At });
                }
            }
        }

        var changes = upserts.Keys.Union(removals.Keys).ToDictionary(
            scope => scope,
            scope => new AttributionChange
            {
                Upserts = [.. upserts.GetValueOrDefault(scope) ?? []],
                Removals = [.. removals.GetValueOrDefault(scope) ?? []],
            },
            StringComparer.Ordinal);
        return (changes, next.ToImmutable());
    }

    /// <summary>A stable fingerprint of a record's content (process-independent, unlike <see cref="object.GetHashCode"/>).</summary>
    public static string Fingerprint(ConversionRecord record)
    {
        var text = new StringBuilder()
            .Append(record.At.UtcTicks).Append('|').Append(record.Value.ToString(CultureInfo.InvariantCulture)).Append('|').Append(record.UnitId)
            .Append('|').Append(record.Converted);
        foreach (var touch in record.Touches)
        {
            text.Append('|').Append(touch.Action).Append('/').Append(touch.Channel).Append('/').Append(touch.OccurredAt.UtcTicks).Append('/').Append((int)touch.Milestones);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }

    private static void Add<T>(Dictionary<string, List<T>> lists, string scope, T item)
    {
        if (!lists.TryGetValue(scope, out var list))
        {
            lists[scope] = list = [];
        }

        list.Add(item);
    }
}
