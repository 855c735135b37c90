namespace Frontline.Silo.Hosting;

/// <summary>
/// A token bucket per client (authenticated identity, else a hash of the Authorization header, else the remote
/// address): each request takes a token; an empty bucket answers 429 <c>RATE_LIMITED</c> with Retry-After.
/// The defaults (1,000 requests a second, bursts of 2,000) stay far above a bulk importer's batch rate, which is
/// bounded in items per request instead.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>False turns the rate limit off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Bucket size: the most requests a client may send at once after a quiet spell.</summary>
    public int TokenLimit { get; set; } = 2_000;

    /// <summary>Tokens added every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    /// <summary>How often tokens are added; the sustained rate is <see cref="TokensPerPeriod"/> per this period.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromMilliseconds(100);
}
