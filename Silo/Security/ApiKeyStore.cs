using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Frontline.GraphQL.Security;

namespace Frontline.Silo.Security;

/// <summary>The configured API keys, by SHA-256; a key is compared in constant time.</summary>
public sealed class ApiKeyStore
{
    private readonly IReadOnlyList<(byte[] Hash, ApiKeyEntry Entry)> _keys;

    /// <summary>Checks every entry; <see cref="SecurityConfigurationException"/> names the first bad one.</summary>
    public ApiKeyStore(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<(byte[], ApiKeyEntry)>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var at = $"{AuthOptions.SectionName}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new SecurityConfigurationException($"{at}:Name must be set (it names the caller in the audit log).");
            }

            if (entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
            {
                throw new SecurityConfigurationException($"{at}:Sha256 must be the 64 hex digits of the key's SHA-256.");
            }

            if (!FrontlineRoles.IsKnown(entry.Role) || (FrontlineRoles.IsUnitRole(entry.Role) && string.IsNullOrEmpty(entry.Unit)) || entry.Role == FrontlineRoles.Customer)
            {
                throw new SecurityConfigurationException($"{at}:Role '{entry.Role}' is not usable for an API key (integrator, operator, hq, or a unit role with Unit).");
            }

            keys.Add((Convert.FromHexString(entry.Sha256), entry));
        }

        _keys = keys;
    }

    /// <summary>The identity of <paramref name="key"/>, or null when it is not configured.</summary>
    public ClaimsIdentity? Authenticate(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || _keys.Count == 0)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));
        foreach (var (expected, entry) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                var claims = new List<Claim> { new(FrontlineClaims.Subject, entry.Name), new(FrontlineClaims.Role, entry.Role) };
                if (entry.Unit is not null)
                {
                    claims.Add(new Claim(FrontlineClaims.Unit, entry.Unit));
                }

                return new ClaimsIdentity(claims, ApiKeyAuthenticationHandler.SchemeName, FrontlineClaims.Subject, FrontlineClaims.Role);
            }
        }

        return null;
    }
}
