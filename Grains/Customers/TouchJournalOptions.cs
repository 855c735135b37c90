namespace Frontline.Grains.Customers;

/// <summary>Journal settings (section <c>Frontline:Journal</c>), used where the journal is durable (the cluster profile).</summary>
public sealed class TouchJournalOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Frontline:Journal";

    /// <summary>
    /// Journaled touches after which a customer writes its whole state again (it also does on deactivation). Fewer
    /// means shorter journal reads on activation; more means fewer full-state writes while ingesting.
    /// </summary>
    public int SnapshotEvery { get; set; } = 200;
}
