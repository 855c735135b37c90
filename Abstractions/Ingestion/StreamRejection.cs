namespace Frontline.Abstractions.Ingestion;

/// <summary>One stream item the consumer refused: what it was (as far as it could be read), the field at fault and why.</summary>
[GenerateSerializer, Immutable, Alias("Frontline.StreamRejection")]
public sealed record StreamRejection
{
    /// <summary>The item's event id; null or empty when that was the problem.</summary>
    [Id(0)] public string? EventId { get; init; }

    /// <summary>The stream key the item arrived on (the customer id it was published for).</summary>
    [Id(1)] public required string StreamKey { get; init; }

    /// <summary>Name of the input field at fault, spelled as in <c>TouchInput</c> (e.g. <c>action</c>).</summary>
    [Id(2)] public required string Field { get; init; }

    /// <summary>Human-readable reason.</summary>
    [Id(3)] public required string Reason { get; init; }

    /// <summary>When the consumer refused it (UTC).</summary>
    [Id(4)] public required DateTimeOffset At { get; init; }
}
