using Frontline.Abstractions.Events;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// The configured catalogue of micro-actions (section <c>Frontline:Actions</c>). New actions are added here by
/// configuration, never by code change (DESIGN §3).
/// </summary>
public sealed class ActionCatalogueOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Frontline:Actions";

    /// <summary>Every action name accepted on a touch.</summary>
    public List<string> Actions { get; set; } = [.. StandardActions.All];

    /// <summary>Actions that are conversions (they carry a value and are not touches).</summary>
    public List<string> ConversionActions { get; set; } = [StandardActions.ContractSigned];

    /// <summary>How far in the future an occurredAt may lie (clock skew between sources).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);
}
