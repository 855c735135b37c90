using System.Collections.Immutable;

namespace Frontline.Abstractions.Events;

/// <summary>One customer touchpoint as it enters Frontline (DESIGN §3). <see cref="EventId"/> makes it idempotent.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.TouchEnvelope")]
public sealed record TouchEnvelope
{
    /// <summary>Idempotency key, unique per source; the same id twice has no second effect.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>The customer the touch belongs to.</summary>
    [Id(1)] public required string CustomerId { get; init; }

    /// <summary>Micro-action name from the configured catalogue, e.g. <c>ContentViewed</c>.</summary>
    [Id(2)] public required string Action { get; init; }

    /// <summary>Channel the touch came through, e.g. <c>Facebook</c>, <c>WeCom</c>, <c>Expo</c>.</summary>
    [Id(3)] public required string Channel { get; init; }

    /// <summary>When the touch happened (UTC).</summary>
    [Id(4)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Source system that emitted the event.</summary>
    [Id(5)] public string Source { get; init; } = "";

    /// <summary>Opportunity the touch relates to, if any.</summary>
    [Id(6)] public string? OpportunityId { get; init; }

    /// <summary>Monetary value; the conversion value for a conversion action.</summary>
    [Id(7)] public decimal? Value { get; init; }

    /// <summary>Free-form string attributes from the source.</summary>
    [Id(8)] public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
