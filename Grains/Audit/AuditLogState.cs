using Frontline.Abstractions.Audit;

namespace Frontline.Grains.Audit;

/// <summary>Persistent state of one day's audit log: entries in the order they were appended.</summary>
public sealed record AuditLogState
{
    public List<AuditEntry> Entries { get; init; } = [];
}
