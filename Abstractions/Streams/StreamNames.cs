namespace Frontline.Abstractions.Streams;

/// <summary>
/// Names of the stream providers and namespaces: <see cref="Provider"/> feeds subscriptions (stream keys are the unit
/// id or the scope); <see cref="Ingest"/> carries touches from integrators into the cluster.
/// </summary>
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

    /// <summary>
    /// The ingestion stream provider: durable on PostgreSQL in the cluster profile (Orleans' ADO.NET streams,
    /// at-least-once), memory streams in the embedded profile, so integrator code is the same in both.
    /// </summary>
    public const string Ingest = "ingest";

    /// <summary>
    /// Touches to record; keyed by customer id (the stream key must equal each item's customerId), so one customer's
    /// touches are delivered in order by one consumer; items are <see cref="Events.TouchEnvelope"/>.
    /// </summary>
    public const string Touches = "touches";

    /// <summary>
    /// Queues (partitions) of the durable ingestion provider. Producers map a stream to its queue with this count,
    /// so every client and silo must use the same value.
    /// </summary>
    public const int IngestPartitions = 4;
}
