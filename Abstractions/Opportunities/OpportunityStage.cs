namespace Frontline.Abstractions.Opportunities;

/// <summary>Stage of an opportunity; Won and Lost are closed stages. Order matters: a later open stage is progress.</summary>
public enum OpportunityStage
{
    /// <summary>Identified, not yet engaged.</summary>
    Prospecting,

    /// <summary>In active engagement.</summary>
    Engaging,

    /// <summary>Closed as won.</summary>
    Won,

    /// <summary>Closed as lost.</summary>
    Lost,
}
