namespace Frontline.Silo.Import;

/// <summary>What an imported item becomes on the server; also the order in which kinds are sent.</summary>
public enum ImportKind
{
    /// <summary>Combat units (sent first: opportunities and customers refer to them).</summary>
    Units,

    /// <summary>Customers (sent before opportunities and touches, which refer to them).</summary>
    Customers,

    /// <summary>Opportunities from the CRM pipeline.</summary>
    Opportunities,

    /// <summary>Touch events from the journey file.</summary>
    Touches,

    /// <summary>Aggregated channel paths of an attribution scope (sent last: nothing else refers to them).</summary>
    Paths,
}
