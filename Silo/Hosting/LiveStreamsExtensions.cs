using Frontline.Abstractions.Streams;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The "live" stream provider (<see cref="StreamNames.Provider"/>) that carries pushes to GraphQL subscriptions.
/// </summary>
public static class LiveStreamsExtensions
{
    /// <summary>
    /// How often each pulling agent looks for new pushes in its queue. Orleans' default of 100 ms was most of the
    /// ingest-to-subscription latency (a push waited 50 ms on average, up to 100 ms, before anyone read it). A poll of
    /// a memory queue is one small grain call, so the provider's eight queues cost about 800 calls a second across the
    /// cluster: an idle embedded silo went from about 5% to about 10% of one core (one review measurement, 20 s samples
    /// of /proc), the price of pushes that wait at most 10 ms for their reader.
    /// </summary>
    public static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>Adds the live provider on memory streams, polled every <see cref="PollPeriod"/>.</summary>
    public static ISiloBuilder AddLiveStreams(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddMemoryStreams(StreamNames.Provider, streams =>
            streams.ConfigurePullingAgent(options => options.Configure(o => o.GetQueueMsgsTimerPeriod = PollPeriod)));
    }
}
