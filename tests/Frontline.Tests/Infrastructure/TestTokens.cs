using Frontline.GraphQL.Security;
using Frontline.Silo.Security;
using Microsoft.IdentityModel.Tokens;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// The signing key every test server is started with (<see cref="EmbeddedServerProcess"/> passes it), and tokens
/// signed with it; the tests' <c>GraphQLHttpClient</c> and <c>NodeSubscriptionClient</c> (and the bench) send <see cref="Hq"/> unless told otherwise.
/// </summary>
public static class TestTokens
{
    /// <summary>A fresh secret per test run, so no token outlives it.</summary>
    public static readonly string SigningKey = "test-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>The configuration argument that makes a server verify with <see cref="SigningKey"/>.</summary>
    public static readonly string[] ServerArguments = ["--Frontline:Auth:SigningKey", SigningKey];

    private static readonly Lazy<string> HqToken = new(() => For(FrontlineRoles.Hq));

    /// <summary>An HQ token: what every pre-existing test acts as.</summary>
    public static string Hq => HqToken.Value;

    /// <summary>A plain HTTP client of <paramref name="baseAddress"/> that sends <see cref="Hq"/> with every request.</summary>
    public static HttpClient HqHttpClient(Uri baseAddress, TimeSpan? timeout = null) => new()
    {
        BaseAddress = baseAddress,
        Timeout = timeout ?? TimeSpan.FromSeconds(100),
        DefaultRequestHeaders = { Authorization = new("Bearer", Hq) },
    };

    /// <summary>A token for <paramref name="role"/> signed with <see cref="SigningKey"/>.</summary>
    public static string For(string role, string? unit = null, string? customer = null, string? subject = null) =>
        Issuer(SigningKey).Create(role, unit, customer, subject ?? "test-" + role, TimeSpan.FromHours(2));

    /// <summary>An issuer for any HS256 secret (a server's development key, a wrong key).</summary>
    public static TokenIssuer Issuer(string secret, TimeProvider? clock = null) =>
        new(new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256), "frontline", "frontline", clock ?? TimeProvider.System);
}
