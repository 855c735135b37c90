namespace Frontline.Abstractions.Streams;

/// <summary>Names of the stream provider and namespaces that feed subscriptions; stream keys are the unit id or the scope.</summary>
public static class StreamNames
{
    /// <summary>The stream provider every silo and gateway registers.</summary>
    public const string Provider = "frontline";

    /// <summary>Escalations raised to a unit; keyed by unit id; items are <see cref="Opportunities.Escalation"/>.</summary>
    public const string Escalations = "escalations";

    /// <summary>Attribution changes of a scope; keyed by scope; items are <see cref="ScopeUpdated"/>.</summary>
    public const string Attribution = "attribution";
}
