namespace Frontline.Grains.Audit;

/// <summary>Persistent state of one day's audit log: how many entries its chunks hold.</summary>
public sealed record AuditLogState
{
    public long Count { get; init; }
}
