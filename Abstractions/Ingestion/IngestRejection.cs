namespace Frontline.Abstractions.Ingestion;

/// <summary>One refused item of a batch: its zero-based index in the batch, the field at fault and why.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.IngestRejection")]
public sealed record IngestRejection
{
    /// <summary>Zero-based position of the item in the submitted batch.</summary>
    [Id(0)] public required int Index { get; init; }

    /// <summary>Field at fault, as the caller spelled it.</summary>
    [Id(1)] public required string Field { get; init; }

    /// <summary>Human-readable reason.</summary>
    [Id(2)] public required string Reason { get; init; }

    /// <summary>Stable error code (VALIDATION, NOT_FOUND, INVALID_STATE).</summary>
    [Id(3)] public string Code { get; init; } = Common.ErrorCodes.Validation;
}
