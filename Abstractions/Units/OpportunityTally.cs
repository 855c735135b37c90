namespace Frontline.Abstractions.Units;

/// <summary>What a unit needs to know of one of its opportunities to keep its counts: the stage and, once won, the value.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.OpportunityTally")]
public sealed record OpportunityTally
{
    /// <summary>Opportunity id.</summary>
    [Id(0)] public required string OpportunityId { get; init; }

    /// <summary>Current stage.</summary>
    [Id(1)] public required Opportunities.OpportunityStage Stage { get; init; }

    /// <summary>Close value when won, else 0.</summary>
    [Id(2)] public decimal WonValue { get; init; }
}
