namespace Frontline.Silo.Hosting;

/// <summary>Operator diagnostics, bound from <c>Frontline:Diagnostics</c>; all off by default.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Frontline:Diagnostics";

    /// <summary>
    /// Maps <c>GET /diagnostics/memory</c>, which runs a full blocking GC and reports the managed heap and the working
    /// set. Off by default because a forced GC on demand is itself a way to slow the server.
    /// </summary>
    public bool MemoryEndpoint { get; set; }
}
