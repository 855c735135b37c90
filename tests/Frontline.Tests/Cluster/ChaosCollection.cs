namespace Frontline.Tests.Cluster;

/// <summary>
/// The long failure tests (a silo killed, PostgreSQL stopped): one at a time, so they do not compete for the two
/// cores and skew each other's failure detection, while the other test classes still run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection
{
    /// <summary>Collection name for <c>[Collection]</c>.</summary>
    public const string Name = "chaos";
}
