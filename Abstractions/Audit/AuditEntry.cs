namespace Frontline.Abstractions.Audit;

/// <summary>One audited request: who did what, when, and how it ended.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry
{
    /// <summary>When the request was answered.</summary>
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary>The caller's subject (user or integration name).</summary>
    [Id(1)] public required string Subject { get; init; }

    /// <summary>The caller's role.</summary>
    [Id(2)] public required string Role { get; init; }

    /// <summary>The operation: a mutation field name, or <c>POST /ingest/touches</c>.</summary>
    [Id(3)] public required string Operation { get; init; }

    /// <summary>What it addressed: an id, or the number of items of a batch.</summary>
    [Id(4)] public string? Target { get; init; }

    /// <summary><c>OK</c>, or the error code it ended with (FORBIDDEN, VALIDATION, ...).</summary>
    [Id(5)] public required string Outcome { get; init; }

    /// <summary>Counts of a batch (accepted, duplicates, rejected) or the error message.</summary>
    [Id(6)] public string? Detail { get; init; }
}
