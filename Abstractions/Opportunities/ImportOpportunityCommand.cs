namespace Frontline.Abstractions.Opportunities;

/// <summary>
/// One opportunity with its history as another system holds it (a CRM row). Importing the same record
/// twice is a duplicate; imported history never replays into overdue warnings.
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.ImportOpportunityCommand")]
public sealed record ImportOpportunityCommand
{
    /// <summary>Opportunity id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Owning unit; must be registered.</summary>
    [Id(1)] public required string UnitId { get; init; }

    /// <summary>Customer, optional while open.</summary>
    [Id(2)] public string? CustomerId { get; init; }

    /// <summary>Sales agent.</summary>
    [Id(3)] public string? Owner { get; init; }

    /// <summary>Product.</summary>
    [Id(4)] public string? Product { get; init; }

    /// <summary>Expected amount, if known.</summary>
    [Id(5)] public decimal? Amount { get; init; }

    /// <summary>Current stage.</summary>
    [Id(6)] public required OpportunityStage Stage { get; init; }

    /// <summary>When engagement started (the opening time), if it did.</summary>
    [Id(7)] public DateTimeOffset? EngagedAt { get; init; }

    /// <summary>When it closed, for Won and Lost.</summary>
    [Id(8)] public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Close value, for Won (and Lost, usually 0).</summary>
    [Id(9)] public decimal? CloseValue { get; init; }
}
