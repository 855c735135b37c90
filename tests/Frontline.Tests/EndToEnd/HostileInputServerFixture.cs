namespace Frontline.Tests.EndToEnd;

/// <summary>A server of its own for the fuzz and conformance tests, without the rate limit (they send thousands of requests from one client).</summary>
public sealed class HostileInputServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Frontline:Limits:RateLimit:Enabled", "false"];
}
