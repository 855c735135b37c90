using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Frontline.GraphQL.Transport;

/// <summary>
/// Authenticates a graphql-transport-ws connection from its <c>connection_init</c> payload (browsers cannot set
/// headers on a WebSocket). Register one in DI to require it; without one, operations run as the upgrade request's user.
/// </summary>
public interface IConnectionInitAuthenticator
{
    /// <summary>
    /// The user the connection acts as, or null to refuse it (the socket is closed with 4403 Forbidden).
    /// <paramref name="payload"/> is the payload object, or <c>default</c> when the message had none.
    /// </summary>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, JsonElement payload, CancellationToken cancellationToken);
}
