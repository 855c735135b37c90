namespace Frontline.Abstractions.Ingestion;

/// <summary>What happened to one item of a batch.</summary>
public enum ItemOutcome
{
    /// <summary>Applied for the first time.</summary>
    Accepted,

    /// <summary>Seen before; no second effect.</summary>
    Duplicate,

    /// <summary>Refused; nothing changed.</summary>
    Rejected,
}
