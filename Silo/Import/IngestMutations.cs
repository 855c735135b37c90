using System.Globalization;
using System.Text.Json.Nodes;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Silo.Import;

/// <summary>
/// The public batch-ingest contract of the GraphQL API: the four mutations and how each command becomes its input
/// object. Absent optional values are left out rather than sent as null, so the server applies its own defaults.
/// </summary>
public static class IngestMutations
{
    private const string ResultSelection = "{ accepted duplicates rejected { index field reason code } }";

    /// <summary><c>registerUnits(input: [RegisterUnitInput!]!): IngestResult!</c>.</summary>
    public static readonly IngestMutation RegisterUnits = Create("registerUnits", "RegisterUnitInput");

    /// <summary><c>registerCustomers(input: [RegisterCustomerInput!]!): IngestResult!</c>.</summary>
    public static readonly IngestMutation RegisterCustomers = Create("registerCustomers", "RegisterCustomerInput");

    /// <summary><c>importOpportunities(input: [ImportOpportunityInput!]!): IngestResult!</c>.</summary>
    public static readonly IngestMutation ImportOpportunities = Create("importOpportunities", "ImportOpportunityInput");

    /// <summary><c>recordTouches(input: [TouchInput!]!): IngestResult!</c>.</summary>
    public static readonly IngestMutation RecordTouches = Create("recordTouches", "TouchInput");

    /// <summary>A <c>RegisterUnitInput</c>.</summary>
    public static JsonObject ToInput(RegisterUnitCommand unit)
    {
        var input = new JsonObject { ["id"] = unit.Id, ["name"] = unit.Name };
        AddIfSet(input, "region", unit.Region);
        input["members"] = new JsonArray([.. unit.Members.Select(m => new JsonObject { ["name"] = m.Name, ["role"] = m.Role })]);
        return input;
    }

    /// <summary>A <c>RegisterCustomerInput</c>.</summary>
    public static JsonObject ToInput(RegisterCustomerCommand customer)
    {
        var input = new JsonObject
        {
            ["id"] = customer.Id,
            ["segment"] = customer.Segment switch
            {
                Segment.B2B => "B2B",
                Segment.B2C => "B2C",
                _ => throw new ArgumentOutOfRangeException(nameof(customer), customer.Segment, "unknown segment"),
            },
        };
        AddIfSet(input, "industry", customer.Industry);
        AddIfSet(input, "region", customer.Region);
        AddIfSet(input, "unitId", customer.UnitId);
        AddIfSet(input, "name", customer.Name);
        return input;
    }

    /// <summary>An <c>ImportOpportunityInput</c>.</summary>
    public static JsonObject ToInput(ImportOpportunityCommand opportunity)
    {
        var input = new JsonObject { ["id"] = opportunity.Id, ["unitId"] = opportunity.UnitId };
        AddIfSet(input, "customerId", opportunity.CustomerId);
        AddIfSet(input, "owner", opportunity.Owner);
        AddIfSet(input, "product", opportunity.Product);
        AddIfSet(input, "amount", opportunity.Amount);
        input["stage"] = opportunity.Stage switch
        {
            OpportunityStage.Prospecting => "PROSPECTING",
            OpportunityStage.Engaging => "ENGAGING",
            OpportunityStage.Won => "WON",
            OpportunityStage.Lost => "LOST",
            _ => throw new ArgumentOutOfRangeException(nameof(opportunity), opportunity.Stage, "unknown stage"),
        };
        AddIfSet(input, "engagedAt", opportunity.EngagedAt);
        AddIfSet(input, "closedAt", opportunity.ClosedAt);
        AddIfSet(input, "closeValue", opportunity.CloseValue);
        return input;
    }

    /// <summary>A <c>TouchInput</c>.</summary>
    public static JsonObject ToInput(TouchEnvelope touch)
    {
        var input = new JsonObject
        {
            ["eventId"] = touch.EventId,
            ["customerId"] = touch.CustomerId,
            ["action"] = touch.Action,
            ["channel"] = touch.Channel,
            ["occurredAt"] = FormatTime(touch.OccurredAt),
            ["source"] = touch.Source,
        };
        AddIfSet(input, "opportunityId", touch.OpportunityId);
        AddIfSet(input, "value", touch.Value);
        if (!touch.Attributes.IsEmpty)
        {
            // Sorted so the same envelope always serialises the same way.
            input["attributes"] = new JsonArray([.. touch.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new JsonObject { ["key"] = a.Key, ["value"] = a.Value })]);
        }

        return input;
    }

    /// <summary>ISO-8601 in UTC with a <c>Z</c>, e.g. <c>2017-03-01T00:00:00Z</c>; fractions only when present.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static IngestMutation Create(string field, string inputType) =>
        new(field, $"mutation($input: [{inputType}!]!) {{ {field}(input: $input) {ResultSelection} }}");

    private static void AddIfSet(JsonObject input, string name, string? value)
    {
        if (value is not null) input[name] = value;
    }

    private static void AddIfSet(JsonObject input, string name, decimal? value)
    {
        if (value is { } number) input[name] = number;
    }

    private static void AddIfSet(JsonObject input, string name, DateTimeOffset? value)
    {
        if (value is { } time) input[name] = FormatTime(time);
    }
}
