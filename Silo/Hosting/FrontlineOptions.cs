namespace Frontline.Silo.Hosting;

/// <summary>Host settings, bound from the <c>Frontline</c> configuration section.</summary>
public sealed class FrontlineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Frontline";

    /// <summary>What this process is: <see cref="HostRoles.Silo"/> (default) or <see cref="HostRoles.Gateway"/>.</summary>
    public string Role { get; set; } = HostRoles.Silo;

    /// <summary>Hosting profile: <see cref="FrontlineProfiles.Embedded"/> (default) or <see cref="FrontlineProfiles.Cluster"/>.</summary>
    public string Profile { get; set; } = FrontlineProfiles.Embedded;

    /// <summary>Directory of the embedded store (grain state and reminders); relative paths resolve against the current directory.</summary>
    public string DataDirectory { get; set; } = ".frontline";

    /// <summary>Silo-to-silo port of the embedded silo; <c>Orleans:SiloPort</c> wins when both are set.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port of the embedded silo; <c>Orleans:GatewayPort</c> wins when both are set.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Serves the Orleans dashboard at <c>/dashboard</c> (operators and HQ only); off by default, as it profiles every grain call.</summary>
    public bool Dashboard { get; set; }

    /// <summary>Absolute directory of grain state files.</summary>
    public string StateDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "state");

    /// <summary>Absolute directory of reminder files.</summary>
    public string RemindersDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "reminders");
}
