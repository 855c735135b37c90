using System.Collections.Immutable;
using Frontline.Abstractions.Opportunities;

namespace Frontline.Grains.Opportunities;

/// <summary>Persistent state of an opportunity. A versioned contract: add members with defaults, never rename.</summary>
public sealed record OpportunityState
{
    public bool Opened { get; init; }
    public string Id { get; init; } = "";
    public string UnitId { get; init; } = "";
    public string? CustomerId { get; init; }
    public string? Owner { get; init; }
    public string? Product { get; init; }
    public decimal? Amount { get; init; }
    public OpportunityStage Stage { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public decimal? CloseValue { get; init; }
    public ImmutableArray<StageChange> StageHistory { get; init; } = [];
    public ImmutableArray<FollowUp> FollowUps { get; init; } = [];
    public int StalledStreak { get; init; }
    public ImmutableArray<Escalation> Escalations { get; init; } = [];

    /// <summary>
    /// Wall-clock time from which overdue periods are counted: when the opportunity was opened or imported here.
    /// Imported history (its own dates) never replays into overdue warnings.
    /// </summary>
    public DateTimeOffset TrackingSince { get; init; }

    /// <summary>The open command it was opened with, to recognise a repeat.</summary>
    public OpenOpportunityCommand? OpenedWith { get; init; }

    /// <summary>The last imported record, to recognise a repeat.</summary>
    public ImportOpportunityCommand? ImportedFrom { get; init; }

    /// <summary>Bumped on every change; the unit and customer have seen changes up to <see cref="SyncedVersion"/>.</summary>
    public int Version { get; init; }

    public int SyncedVersion { get; init; }

    public bool IsClosed => Stage is OpportunityStage.Won or OpportunityStage.Lost;
}
