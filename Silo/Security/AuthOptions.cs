namespace Frontline.Silo.Security;

/// <summary>Token and API key settings, bound from <c>Frontline:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Frontline:Auth";

    /// <summary>Shortest HS256 secret accepted, in UTF-8 bytes (the algorithm's key size).</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>HS256 secret (at least 32 bytes of UTF-8) that signs and verifies tokens; shared by every silo.</summary>
    public string? SigningKey { get; set; }

    /// <summary>PEM file of an RSA public key: RS256 tokens signed by its private key (an identity provider's) are accepted.</summary>
    public string? RsaPublicKeyFile { get; set; }

    /// <summary>PEM file of an RSA private key; only the <c>token</c> command uses it, to sign RS256 tokens.</summary>
    public string? RsaPrivateKeyFile { get; set; }

    /// <summary>Issuer written into and required of tokens.</summary>
    public string Issuer { get; set; } = "frontline";

    /// <summary>Audience written into and required of tokens.</summary>
    public string Audience { get; set; } = "frontline";

    /// <summary>Lifetime of tokens the <c>token</c> command prints when <c>--hours</c> is not given.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>API keys for integrators, sent as <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
