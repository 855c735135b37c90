namespace Frontline.Abstractions.Ingestion;

/// <summary>
/// The consumer of the <c>touches</c> ingestion stream for one customer (implicitly subscribed; keyed by the stream
/// key, the customer id). It has no calls of its own: Orleans activates it when the stream has items.
/// </summary>
[Alias("Frontline.ITouchStreamGrain")]
public interface ITouchStreamGrain : IGrainWithStringKey
{
}
