using System.Security.Claims;
using Frontline.GraphQL.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Frontline.Silo.Security;

/// <summary>Mints bearer tokens with Frontline's claims; used by the <c>token</c> command and by tests.</summary>
public sealed class TokenIssuer(SigningCredentials signing, string issuer, string audience, TimeProvider clock)
{
    /// <summary>A signed JWT for <paramref name="role"/> (and its unit or customer), valid for <paramref name="lifetime"/>.</summary>
    public string Create(string role, string? unit, string? customer, string? subject, TimeSpan lifetime)
    {
        var claims = new List<Claim>
        {
            new(FrontlineClaims.Subject, subject ?? role),
            new(FrontlineClaims.Role, role),
        };
        if (unit is not null)
        {
            claims.Add(new Claim(FrontlineClaims.Unit, unit));
        }

        if (customer is not null)
        {
            claims.Add(new Claim(FrontlineClaims.Customer, customer));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = signing,
        });
    }
}
