using Frontline.Abstractions.Audit;

namespace Frontline.Grains.Audit;

/// <summary>Persistent state of an audit chunk: its entries in order.</summary>
public sealed record AuditChunkState
{
    public List<AuditEntry> Entries { get; init; } = [];
}
