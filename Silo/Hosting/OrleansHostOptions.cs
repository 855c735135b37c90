namespace Frontline.Silo.Hosting;

/// <summary>The silo's identity and ports, bound from the <c>Orleans</c> configuration section.</summary>
public sealed class OrleansHostOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Silo-to-silo port on 127.0.0.1; every silo of a cluster on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port on 127.0.0.1; every silo of a cluster on one machine needs its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster identity in the membership table (cluster profile): silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "frontline";

    /// <summary>Service identity that keys grain state and reminders (cluster profile); keep it across deployments.</summary>
    public string ServiceId { get; set; } = "frontline";
}
