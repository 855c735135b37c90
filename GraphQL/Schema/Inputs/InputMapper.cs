using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.GraphQL.Schema.Inputs;

/// <summary>
/// Turns parsed GraphQL input objects (dictionaries) into commands. Missing required strings become empty so the
/// domain's validators reject them with the field named; this layer decides nothing.
/// </summary>
public static class InputMapper
{
    public static ImmutableArray<T> List<T>(object? value, Func<IDictionary<string, object?>, T> map) =>
        value is IEnumerable<object?> items ? [.. items.Select(i => map((IDictionary<string, object?>)i!))] : [];

    public static TouchEnvelope Touch(IDictionary<string, object?> input) => new()
    {
        EventId = Text(input, "eventId") ?? "",
        CustomerId = Text(input, "customerId") ?? "",
        Action = Text(input, "action") ?? "",
        Channel = Text(input, "channel") ?? "",
        OccurredAt = Get<DateTimeOffset?>(input, "occurredAt") ?? default,
        Source = Text(input, "source") ?? "",
        OpportunityId = Text(input, "opportunityId"),
        Value = Get<decimal?>(input, "value"),
        Attributes = List(Raw(input, "attributes"), a => KeyValuePair.Create(Text(a, "key")!, Text(a, "value")!))
            .GroupBy(kv => kv.Key).ToImmutableDictionary(g => g.Key, g => g.Last().Value),
    };

    public static RegisterUnitCommand Unit(IDictionary<string, object?> input) => new()
    {
        Id = Text(input, "id") ?? "",
        Name = Text(input, "name") ?? "",
        Region = Text(input, "region"),
        Members = List(Raw(input, "members"), m => new UnitMember { Name = Text(m, "name") ?? "", Role = Text(m, "role") ?? "" }),
    };

    public static RegisterCustomerCommand Customer(IDictionary<string, object?> input) => new()
    {
        Id = Text(input, "id") ?? "",
        // An undefined value stands for "missing", so the domain rejects it naming the field rather than guessing.
        Segment = Get<Segment?>(input, "segment") ?? (Segment)(-1),
        Industry = Text(input, "industry"),
        Region = Text(input, "region"),
        UnitId = Text(input, "unitId"),
        Name = Text(input, "name"),
    };

    public static ImportOpportunityCommand ImportOpportunity(IDictionary<string, object?> input) => new()
    {
        Id = Text(input, "id") ?? "",
        UnitId = Text(input, "unitId") ?? "",
        CustomerId = Text(input, "customerId"),
        Owner = Text(input, "owner"),
        Product = Text(input, "product"),
        Amount = Get<decimal?>(input, "amount"),
        Stage = Get<OpportunityStage?>(input, "stage") ?? OpportunityStage.Prospecting,
        EngagedAt = Get<DateTimeOffset?>(input, "engagedAt"),
        ClosedAt = Get<DateTimeOffset?>(input, "closedAt"),
        CloseValue = Get<decimal?>(input, "closeValue"),
    };

    public static OpenOpportunityCommand OpenOpportunity(IDictionary<string, object?> input) => new()
    {
        Id = Text(input, "id") ?? "",
        UnitId = Text(input, "unitId") ?? "",
        CustomerId = Text(input, "customerId"),
        Owner = Text(input, "owner"),
        Product = Text(input, "product"),
        Amount = Get<decimal?>(input, "amount"),
        Stage = Get<OpportunityStage?>(input, "stage") ?? OpportunityStage.Prospecting,
        At = Get<DateTimeOffset?>(input, "at"),
    };

    public static LogFollowUpCommand LogFollowUp(IDictionary<string, object?> input) => new()
    {
        OpportunityId = Text(input, "opportunityId") ?? "",
        Progressed = Get<bool?>(input, "progressed") ?? false,
        Note = Text(input, "note"),
        At = Get<DateTimeOffset?>(input, "at"),
        Stage = Get<OpportunityStage?>(input, "stage"),
    };

    public static CloseOpportunityCommand CloseOpportunity(IDictionary<string, object?> input) => new()
    {
        OpportunityId = Text(input, "opportunityId") ?? "",
        Won = Get<bool?>(input, "won") ?? false,
        Value = Get<decimal?>(input, "value"),
        At = Get<DateTimeOffset?>(input, "at"),
        CustomerId = Text(input, "customerId"),
    };

    private static object? Raw(IDictionary<string, object?> input, string field) => input.TryGetValue(field, out var v) ? v : null;

    private static string? Text(IDictionary<string, object?> input, string field) => input.TryGetValue(field, out var v) ? v?.ToString() : null;

    private static T? Get<T>(IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is not null ? (T?)Convert(v, typeof(T)) : default;

    private static object? Convert(object value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return type.IsInstanceOfType(value) ? value
            : type == typeof(decimal) ? System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)
            : type == typeof(DateTimeOffset) && value is DateTime dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc))
            : value;
    }
}
