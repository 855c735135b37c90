using System.Security.Claims;
using System.Text.Json;
using Frontline.GraphQL.Security;
using Frontline.GraphQL.Transport;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Security;

/// <summary>
/// Authenticates WebSocket connections from <c>connection_init</c>: <c>{ "authorization": "Bearer &lt;jwt&gt;" }</c>
/// or <c>"ApiKey &lt;key&gt;"</c>, validated exactly as the HTTP handlers validate headers. A client that could send
/// a header on the upgrade request is accepted with that instead.
/// </summary>
public sealed class ConnectionInitAuthenticator(IOptionsMonitor<JwtBearerOptions> jwtOptions, ApiKeyStore apiKeys) : IConnectionInitAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, JsonElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credential = ReadCredential(payload);
        if (credential is null)
        {
            return Caller.From(context.User) is not null ? context.User : null;
        }

        if (credential.StartsWith(ApiKeyAuthenticationHandler.AuthorizationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return apiKeys.Authenticate(credential[ApiKeyAuthenticationHandler.AuthorizationPrefix.Length..]) is { } identity
                ? Usable(new ClaimsPrincipal(identity))
                : null;
        }

        var token = credential.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? credential[BearerPrefix.Length..].Trim() : credential.Trim();
        var options = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
            if (result.IsValid)
            {
                return Usable(new ClaimsPrincipal(result.ClaimsIdentity));
            }
        }

        return null;
    }

    private static ClaimsPrincipal? Usable(ClaimsPrincipal principal) => Caller.From(principal) is not null ? principal : null;

    private static string? ReadCredential(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }

            if (property.Name.Equals("apiKey", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return ApiKeyAuthenticationHandler.AuthorizationPrefix + property.Value.GetString();
            }
        }

        return null;
    }
}
