namespace Frontline.Tests.EndToEnd;

/// <summary>
/// A server of its own with tight limits, so tests reach them with a few requests: 5 requests a second per client in
/// bursts of at most 5 (low, so even a starved client on a busy machine offers more than that), bodies up to 100 kB,
/// batches of 5, and the memory diagnostics endpoint on.
/// </summary>
public sealed class LimitedServerFixture : ServerFixture
{
    public const int TokenLimit = 5;
    public const int TokensPerPeriod = 1;
    public static readonly TimeSpan ReplenishmentPeriod = TimeSpan.FromMilliseconds(200);
    public const int MaxRequestBodyBytes = 100_000;
    public const int MaxBatchItems = 5;

    /// <summary>Sustained requests a second one client may send.</summary>
    public static double PermitsPerSecond => TokensPerPeriod / ReplenishmentPeriod.TotalSeconds;

    protected override IEnumerable<string> Arguments =>
    [
        "--Frontline:Limits:RateLimit:TokenLimit", TokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Frontline:Limits:RateLimit:TokensPerPeriod", TokensPerPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Frontline:Limits:RateLimit:ReplenishmentPeriod", ReplenishmentPeriod.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        "--Frontline:Limits:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Frontline:Limits:MaxBatchItems", MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Frontline:Diagnostics:MemoryEndpoint", "true",
    ];
}
