namespace Frontline.Abstractions.Attribution;

/// <summary>A touch inside a conversion's window, as much of it as attribution needs.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.CreditedTouch")]
public sealed record CreditedTouch
{
    /// <summary>Micro-action.</summary>
    [Id(0)] public required string Action { get; init; }

    /// <summary>Channel.</summary>
    [Id(1)] public required string Channel { get; init; }

    /// <summary>When it happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Milestones this touch is on the path (W_SHAPED).</summary>
    [Id(3)] public TouchMilestones Milestones { get; init; }
}
