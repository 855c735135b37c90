namespace Frontline.Silo.Hosting;

/// <summary>HTTP limits of the host, bound from <c>Frontline:Limits</c>.</summary>
public sealed class HttpLimitsOptions
{
    /// <summary>Configuration section name (shared with the GraphQL and ingestion limits).</summary>
    public const string SectionName = "Frontline:Limits";

    /// <summary>Largest request body in bytes (Kestrel's limit); a larger body is answered 413 <c>PAYLOAD_TOO_LARGE</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 30_000_000;

    /// <summary>The per-client rate limit.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}
