namespace Frontline.Abstractions.Opportunities;

/// <summary>One entry of the follow-up log: a logged follow-up, or an overdue period recorded by the reminder.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.FollowUp")]
public sealed record FollowUp
{
    /// <summary>When it happened.</summary>
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary>Whether it made progress.</summary>
    [Id(1)] public required bool Progressed { get; init; }

    /// <summary>Note, or "follow-up overdue" for a period without any follow-up.</summary>
    [Id(2)] public string? Note { get; init; }

    /// <summary>True when recorded by the follow-up reminder rather than logged by a person.</summary>
    [Id(3)] public bool Overdue { get; init; }
}
