using System.Security.Cryptography;
using System.Text;
using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>
/// One server process with the test key, one integrator API key and the Orleans dashboard, seeded by HQ with two units ("own" = North, the
/// unit of every unit token here, and South), a customer and an opportunity in each.
/// </summary>
public sealed class SecurityServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The integrator API key the server is configured with (only its SHA-256 is passed).</summary>
    public string ApiKey { get; } = "fk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    public EmbeddedServerProcess Server { get; private set; } = null!;

    /// <summary>An HQ client.</summary>
    public GraphQLHttpClient Hq { get; private set; } = null!;

    public string North => "north-" + _suffix;

    public string South => "south-" + _suffix;

    public string NorthCustomer => "acme-" + _suffix;

    public string SouthCustomer => "globex-" + _suffix;

    public string NorthOpportunity { get; private set; } = "";

    public string SouthOpportunity { get; private set; } = "";

    public Uri WebSocketUri => new UriBuilder(Server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    /// <summary>A token for <paramref name="role"/>: unit roles belong to North, a customer is North's customer.</summary>
    public string TokenFor(string role) => TestTokens.For(
        role,
        FrontlineRoles.IsUnitRole(role) ? North : null,
        role == FrontlineRoles.Customer ? NorthCustomer : null);

    /// <summary>A client acting as <paramref name="role"/> (see <see cref="TokenFor"/>).</summary>
    public GraphQLHttpClient ClientFor(string role) => new(Server.BaseAddress, TokenFor(role));

    public async Task InitializeAsync()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))).ToLowerInvariant();
        Server = await EmbeddedServerProcess.StartAsync(_data.Path,
        [
            "--Frontline:Auth:ApiKeys:0:Name", "crm-feed",
            "--Frontline:Auth:ApiKeys:0:Sha256", hash,
            "--Frontline:Dashboard", "true",
        ]);
        Hq = new GraphQLHttpClient(Server.BaseAddress);
        foreach (var unit in new[] { North, South })
        {
            await Hq.DataAsync(
                "mutation($u: RegisterUnitInput!) { registerUnit(input: $u) { id } }",
                new { u = new { id = unit, name = unit, region = "East", members = new[] { new { name = "Ann", role = "lead" } } } });
        }

        foreach (var (customer, unit) in new[] { (NorthCustomer, North), (SouthCustomer, South) })
        {
            await Hq.DataAsync(
                "mutation($c: RegisterCustomerInput!) { registerCustomer(input: $c) { id } }",
                new { c = new { id = customer, segment = "B2B", unitId = unit, name = customer } });
        }

        NorthOpportunity = await Hq.NewOpportunityAsync(North, NorthCustomer);
        SouthOpportunity = await Hq.NewOpportunityAsync(South, SouthCustomer);
    }

    public async Task DisposeAsync()
    {
        Hq.Dispose();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityServerCollection : ICollectionFixture<SecurityServerFixture>
{
    public const string Name = "security-server";
}
