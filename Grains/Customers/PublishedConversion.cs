using System.Collections.Immutable;

namespace Frontline.Grains.Customers;

/// <summary>A conversion record as the scopes hold it: its time, the scopes it went to and a fingerprint of its content.</summary>
public sealed record PublishedConversion
{
    public required DateTimeOffset At { get; init; }
    public required ImmutableArray<string> Scopes { get; init; }
    public required string Fingerprint { get; init; }
}
