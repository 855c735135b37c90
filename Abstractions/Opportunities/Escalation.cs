namespace Frontline.Abstractions.Opportunities;

/// <summary>An escalation raised to a unit when an opportunity stalls (three follow-ups in a row without progress).</summary>
[GenerateSerializer, Immutable, Alias("Frontline.Escalation")]
public sealed record Escalation
{
    /// <summary>Stable id: <c>{opportunityId}#{n}</c>, n counting the opportunity's escalations from 1.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stalled opportunity.</summary>
    [Id(1)] public required string OpportunityId { get; init; }

    /// <summary>Unit it is raised to.</summary>
    [Id(2)] public required string UnitId { get; init; }

    /// <summary>Customer of the opportunity, if known.</summary>
    [Id(3)] public string? CustomerId { get; init; }

    /// <summary>Why it was raised.</summary>
    [Id(4)] public required string Reason { get; init; }

    /// <summary>When it was raised (time of the follow-up that completed the streak).</summary>
    [Id(5)] public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>Stalled follow-ups in the streak when raised.</summary>
    [Id(6)] public int StalledStreak { get; init; }

    /// <summary>When it was resolved by progress or closing; null while open.</summary>
    [Id(7)] public DateTimeOffset? ResolvedAt { get; init; }
}
