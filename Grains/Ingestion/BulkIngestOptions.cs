namespace Frontline.Grains.Ingestion;

/// <summary>
/// How bulk touches stored by the endpoint reach their customers (section <c>Frontline:Ingest</c>), where a bulk touch
/// store exists (the cluster profile).
/// </summary>
public sealed class BulkIngestOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Frontline:Ingest";

    /// <summary>
    /// Customer calls the silo's projector keeps in flight while the silo is storing a batch and more than
    /// <see cref="TouchProjector.BurstBacklog"/> touches wait (a burst). Few: each call carries
    /// every touch waiting for its customer, so during a burst they carry many, and the CPU goes to storing, which is
    /// what callers wait for.
    /// </summary>
    public int ProjectorCalls { get; set; } = 4;

    /// <summary>
    /// The same while no batch is being stored: then nobody waits for the CPU, and customer calls spend most of their
    /// time waiting for storage (an activation's reads, a reminder's write), so many go at once. Not too many: the gaps
    /// between stores are short, and calls started in one run on into the next store. Bench part 7, 100,000 touches,
    /// two runs each: 64 acknowledged at 0.70-0.80x of raw INSERTs and applied everything in 2.7-2.9 s; 256 at
    /// 0.42-0.49x, in 2.8-3.0 s.
    /// </summary>
    public int IdleProjectorCalls { get; set; } = 64;

    /// <summary>Stored touches a silo may hold for its customers before a new batch waits for room.</summary>
    public int MaxBacklog { get; set; } = 250_000;

    /// <summary>How long a new batch waits for room before the caller is told to retry (HTTP 503).</summary>
    public TimeSpan RoomWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A stored batch whose customers have not all applied it after this long is applied by any silo again.</summary>
    public TimeSpan StaleBatchAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each silo looks for stale batches.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a silo that is shutting down waits for its customers to apply what it stored, before it goes: what is
    /// left then waits for the stale-batch sweep of another silo.
    /// </summary>
    public TimeSpan DrainOnStop { get; set; } = TimeSpan.FromSeconds(15);
}
