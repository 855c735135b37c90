using System.Collections.Immutable;
using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>Persistent state of a customer. A versioned contract: add members with defaults, never rename.</summary>
public sealed record CustomerState
{
    public bool Registered { get; init; }
    public string? Name { get; init; }

    /// <summary>Null until registered; the configured default segment applies meanwhile.</summary>
    public Segment? Segment { get; init; }

    public string? Industry { get; init; }
    public string? Region { get; init; }
    public string? UnitId { get; init; }

    /// <summary>Every event of the customer, conversions included, in time order.</summary>
    public ImmutableArray<JourneyTouch> Journey { get; init; } = [];

    /// <summary>Won opportunities of this customer; each is a conversion.</summary>
    public ImmutableArray<OpportunityConversion> OpportunityWins { get; init; } = [];

    public ImmutableArray<string> OpenEscalations { get; init; } = [];

    /// <summary>
    /// What the attribution scopes hold for each conversion id, as last confirmed by them. Comparing it with a fresh
    /// computation tells which records to send, and makes a send that failed half-way repeat on the next call.
    /// </summary>
    public ImmutableDictionary<string, PublishedConversion> Published { get; init; } = ImmutableDictionary<string, PublishedConversion>.Empty;

    /// <summary>When the registered journey-window reminder is due; null when none is registered.</summary>
    public DateTimeOffset? WindowReminderDue { get; init; }

    /// <summary>
    /// Journal position this snapshot includes: an activation adds the journal entries after it (always 0 where the
    /// journal is not durable, as the state then holds every touch).
    /// </summary>
    public long JournalPosition { get; init; }
}
