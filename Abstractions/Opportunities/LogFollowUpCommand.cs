namespace Frontline.Abstractions.Opportunities;

/// <summary>Logs a follow-up on an open opportunity; it made progress or it did not (DESIGN §5).</summary>
[GenerateSerializer, Immutable, Alias("Frontline.LogFollowUpCommand")]
public sealed record LogFollowUpCommand
{
    /// <summary>The opportunity followed up.</summary>
    [Id(0)] public required string OpportunityId { get; init; }

    /// <summary>Whether the follow-up made progress.</summary>
    [Id(1)] public bool Progressed { get; init; }

    /// <summary>Free text note.</summary>
    [Id(2)] public string? Note { get; init; }

    /// <summary>When it happened; null means now.</summary>
    [Id(3)] public DateTimeOffset? At { get; init; }

    /// <summary>Optional new open stage; advancing the stage counts as progress.</summary>
    [Id(4)] public OpportunityStage? Stage { get; init; }
}
