using System.Globalization;
using System.Security.Claims;

namespace Frontline.GraphQL.Transport;

/// <summary>When the credential behind a connection stops being valid: the JWT <c>exp</c> claim (RFC 7519 §4.1.4).</summary>
public static class CredentialExpiry
{
    /// <summary>Name of the expiry claim: seconds since the Unix epoch.</summary>
    public const string ClaimType = "exp";

    // The range DateTimeOffset can hold; a token may claim any number.
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>
    /// The expiry of <paramref name="user"/>'s credential, or null when it has none (an API key). A claim beyond the
    /// calendar's range is held at its end: such a token, once validated, simply does not expire in practice.
    /// </summary>
    public static DateTimeOffset? Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimType)?.Value is { } value && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, MinSeconds, MaxSeconds))
            : null;
}
