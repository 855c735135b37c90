namespace Frontline.Abstractions.Opportunities;

/// <summary>One entry of an opportunity's stage history.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.StageChange")]
public sealed record StageChange
{
    /// <summary>The stage entered.</summary>
    [Id(0)] public required OpportunityStage Stage { get; init; }

    /// <summary>When it was entered; null when the source did not say.</summary>
    [Id(1)] public DateTimeOffset? At { get; init; }
}
