using System.Collections.Immutable;

namespace Frontline.Abstractions.Attribution;

/// <summary>
/// A customer's conversion records that changed: new or recomputed ones to store, and ones to drop.
/// Applying the same change twice leaves the same state (upsert by id).
/// </summary>
[GenerateSerializer, Immutable, Alias("Frontline.AttributionChange")]
public sealed record AttributionChange
{
    /// <summary>Records to store or replace.</summary>
    [Id(0)] public ImmutableArray<ConversionRecord> Upserts { get; init; } = [];

    /// <summary>Records to drop (their window moved to another scope or bucket).</summary>
    [Id(1)] public ImmutableArray<ConversionKey> Removals { get; init; } = [];
}
