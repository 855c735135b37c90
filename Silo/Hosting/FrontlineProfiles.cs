namespace Frontline.Silo.Hosting;

/// <summary>Values of <c>Frontline:Profile</c>: how the silo keeps its state and finds its peers.</summary>
public static class FrontlineProfiles
{
    /// <summary>One localhost silo with state and reminders in files under <c>Frontline:DataDirectory</c> (the default).</summary>
    public const string Embedded = "embedded";

    /// <summary>Silos sharing PostgreSQL (<c>ConnectionStrings:Frontline</c>) for membership, state and reminders.</summary>
    public const string Cluster = "cluster";

    /// <summary>True for a known profile name (case-insensitive).</summary>
    public static bool IsKnown(string? profile) => IsEmbedded(profile) || IsCluster(profile);

    /// <summary>True for the cluster profile.</summary>
    public static bool IsCluster(string? profile) => string.Equals(profile, Cluster, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the embedded profile.</summary>
    public static bool IsEmbedded(string? profile) => string.Equals(profile, Embedded, StringComparison.OrdinalIgnoreCase);
}
