namespace Frontline.Abstractions.Customers;

/// <summary>Coarse reading of a health score: HEALTHY 70-100, WATCH 40-69, AT_RISK 0-39.</summary>
public enum HealthBand
{
    /// <summary>Score 70 or more.</summary>
    Healthy,

    /// <summary>Score 40 to 69.</summary>
    Watch,

    /// <summary>Score below 40.</summary>
    AtRisk,
}
