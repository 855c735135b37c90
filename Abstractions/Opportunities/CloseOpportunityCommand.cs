namespace Frontline.Abstractions.Opportunities;

/// <summary>Closes an open opportunity as won (a conversion with <see cref="Value"/>) or lost.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.CloseOpportunityCommand")]
public sealed record CloseOpportunityCommand
{
    /// <summary>The opportunity to close.</summary>
    [Id(0)] public required string OpportunityId { get; init; }

    /// <summary>True for won, false for lost.</summary>
    [Id(1)] public required bool Won { get; init; }

    /// <summary>Close value; required when won, never negative.</summary>
    [Id(2)] public decimal? Value { get; init; }

    /// <summary>When it closed; null means now.</summary>
    [Id(3)] public DateTimeOffset? At { get; init; }

    /// <summary>Customer, required to win when the opportunity has none yet.</summary>
    [Id(4)] public string? CustomerId { get; init; }
}
