using System.Collections.Immutable;

namespace Frontline.Abstractions.Opportunities;

/// <summary>Read model of an opportunity.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.OpportunityView")]
public sealed record OpportunityView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required OpportunityStage Stage { get; init; }
    [Id(2)] public required string UnitId { get; init; }
    [Id(3)] public string? CustomerId { get; init; }
    [Id(4)] public string? Owner { get; init; }
    [Id(5)] public string? Product { get; init; }
    [Id(6)] public decimal? Amount { get; init; }

    /// <summary>Close value once closed.</summary>
    [Id(7)] public decimal? CloseValue { get; init; }

    [Id(8)] public DateTimeOffset? OpenedAt { get; init; }
    [Id(9)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(10)] public ImmutableArray<StageChange> StageHistory { get; init; } = [];
    [Id(11)] public ImmutableArray<FollowUp> FollowUps { get; init; } = [];

    /// <summary>Consecutive follow-ups (logged or overdue) without progress.</summary>
    [Id(12)] public int StalledStreak { get; init; }

    [Id(13)] public ImmutableArray<Escalation> Escalations { get; init; } = [];

    /// <summary>Follow-up period of the reminder.</summary>
    [Id(14)] public TimeSpan FollowUpPeriod { get; init; }
}
