namespace Frontline.Silo.Security;

/// <summary>One configured API key: only its SHA-256 is stored, so the configuration does not hold the secret.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Who uses the key; the audit log's subject.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Role the key grants; integrator unless set.</summary>
    public string Role { get; set; } = "integrator";

    /// <summary>Unit id, for a key with a unit role.</summary>
    public string? Unit { get; set; }
}
