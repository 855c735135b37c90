namespace Frontline.Abstractions.Customers;

/// <summary>One entry of a customer's journey as kept by the customer grain.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.JourneyTouch")]
public sealed record JourneyTouch
{
    /// <summary>Event id the touch arrived with.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>Micro-action.</summary>
    [Id(1)] public required string Action { get; init; }

    /// <summary>Channel.</summary>
    [Id(2)] public required string Channel { get; init; }

    /// <summary>When it happened (UTC).</summary>
    [Id(3)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Value carried by the event, if any.</summary>
    [Id(4)] public decimal? Value { get; init; }

    /// <summary>Opportunity the touch relates to, if any.</summary>
    [Id(5)] public string? OpportunityId { get; init; }
}
