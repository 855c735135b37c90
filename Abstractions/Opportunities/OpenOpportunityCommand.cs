namespace Frontline.Abstractions.Opportunities;

/// <summary>Opens an opportunity for a unit. <see cref="At"/> defaults to now so history can be imported.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.OpenOpportunityCommand")]
public sealed record OpenOpportunityCommand
{
    /// <summary>Opportunity id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Owning unit; must be registered.</summary>
    [Id(1)] public required string UnitId { get; init; }

    /// <summary>Customer, optional while the opportunity is open.</summary>
    [Id(2)] public string? CustomerId { get; init; }

    /// <summary>Sales agent who owns it.</summary>
    [Id(3)] public string? Owner { get; init; }

    /// <summary>Product offered.</summary>
    [Id(4)] public string? Product { get; init; }

    /// <summary>Expected amount (list price), if known; never negative.</summary>
    [Id(5)] public decimal? Amount { get; init; }

    /// <summary>Opening stage: Prospecting (default) or Engaging.</summary>
    [Id(6)] public OpportunityStage Stage { get; init; } = OpportunityStage.Prospecting;

    /// <summary>When it was opened; null means now.</summary>
    [Id(7)] public DateTimeOffset? At { get; init; }
}
