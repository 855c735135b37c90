namespace Frontline.Abstractions.Streams;

/// <summary>Names of the stream provider and namespaces that feed subscriptions; stream keys are the unit id or the scope.</summary>
public static class StreamNames
{
    /// <summary>
    /// The stream provider every silo and gateway registers. Not "frontline": Orleans keeps a provider's stream
    /// subscriptions in the grain storage named like the provider when one exists, and that is our durable state store.
    /// </summary>
    public const string Provider = "live";

    /// <summary>Escalations raised to a unit; keyed by unit id; items are <see cref="Opportunities.Escalation"/>.</summary>
    public const string Escalations = "escalations";

    /// <summary>Attribution changes of a scope; keyed by scope; items are <see cref="ScopeUpdated"/>.</summary>
    public const string Attribution = "attribution";
}
