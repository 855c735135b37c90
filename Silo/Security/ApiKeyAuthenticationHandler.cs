using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Security;

/// <summary>Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c> against the configured keys.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>Header that carries a bare key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Prefix of an API key in the Authorization header (and in a WebSocket connection_init payload).</summary>
    public const string AuthorizationPrefix = "ApiKey ";

    /// <summary>True when the request carries an API key rather than a bearer token.</summary>
    public static bool CarriesApiKey(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName)
        || request.Headers.Authorization.ToString().StartsWith(AuthorizationPrefix, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers.TryGetValue(HeaderName, out var header)
            ? header.ToString()
            : Request.Headers.Authorization.ToString()[AuthorizationPrefix.Length..];
        return Task.FromResult(keys.Authenticate(key) is { } identity
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName))
            : AuthenticateResult.Fail("Unknown API key."));
    }
}
