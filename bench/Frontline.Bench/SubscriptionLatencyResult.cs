namespace Frontline.Bench;

/// <summary>What part 4 measured: the push latency, the ingest acknowledgements, and the plain-query baseline.</summary>
public sealed record SubscriptionLatencyResult(
    string Profile,
    int Rate,
    TimeSpan Length,
    int Regions,
    int BatchSize,
    long Sent,
    long Missing,
    long Retries,
    double AchievedRate,
    double AcknowledgedRate,
    LatencySummary Push,
    LatencySummary Ack,
    LatencySummary Query);
