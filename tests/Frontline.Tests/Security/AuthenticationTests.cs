using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Frontline.Tests.Security;

/// <summary>Credentials over HTTP: what is refused with 401 UNAUTHENTICATED, what stays open, and bulk ingestion's roles.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class AuthenticationTests(SecurityServerFixture fixture)
{
    public static TheoryData<string, string?> BadCredentials() => new()
    {
        { "none", null },
        { "garbage", "Bearer not-a-jwt" },
        { "wrong key", "Bearer " + TestTokens.Issuer("another-secret-that-is-long-enough-for-hs256!").Create(FrontlineRoles.Hq, null, null, "mallory", TimeSpan.FromHours(1)) },
        { "expired", "Bearer " + TestTokens.Issuer(TestTokens.SigningKey, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3))).Create(FrontlineRoles.Hq, null, null, "late", TimeSpan.FromHours(1)) },
        { "unknown role", "Bearer " + TestTokens.For("admin") },
        { "unit role without unit", "Bearer " + TestTokens.For(FrontlineRoles.UnitLead) },
        { "wrong api key", "ApiKey fk_wrong" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task GraphQL_BadCredentials_401Unauthenticated(string name, string? authorization)
    {
        using var http = Client(authorization);

        using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ units { id } }" });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{name}: {response.StatusCode} {body}");
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task GraphQLGet_NoToken_401()
    {
        using var http = Client(null);

        using var response = await http.GetAsync("/graphql?query=%7Bunits%7Bid%7D%7D");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoToken_Open()
    {
        using var http = Client(null);

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Mutation_NoToken_401AndNothingStored()
    {
        var unit = "sec-anon-" + Guid.NewGuid().ToString("N")[..8];
        using var http = Client(null);

        using var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($u: RegisterUnitInput!) { registerUnit(input: $u) { id } }",
            variables = new { u = new { id = unit, name = unit, region = "East", members = Array.Empty<object>() } },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var read = await fixture.Hq.DataAsync("query($id: ID!) { unit(id: $id) { id } }", new { id = unit });
        Assert.Equal(JsonValueKind.Null, read.GetProperty("unit").ValueKind);
    }

    [Theory]
    [InlineData(null, 401, "UNAUTHENTICATED")]
    [InlineData(FrontlineRoles.UnitMember, 403, "FORBIDDEN")]
    [InlineData(FrontlineRoles.Customer, 403, "FORBIDDEN")]
    [InlineData(FrontlineRoles.Operator, 403, "FORBIDDEN")]
    [InlineData(FrontlineRoles.Integrator, 200, null)]
    [InlineData(FrontlineRoles.Hq, 200, null)]
    public async Task BulkIngest_Role_OnlyIngestersAccepted(string? role, int status, string? code)
    {
        using var http = Client(role is null ? null : "Bearer " + fixture.TokenFor(role));
        var eventId = "sec-bulk-" + Guid.NewGuid().ToString("N");
        var line = JsonSerializer.Serialize(new { eventId, customerId = fixture.NorthCustomer, action = "ContentViewed", channel = "Web", occurredAt = "2026-11-02T10:00:00Z" });

        using var response = await http.PostAsync("/ingest/touches", new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(status, (int)response.StatusCode);
        if (code is null)
        {
            Assert.Equal(1, body.GetProperty("accepted").GetInt32());
            return;
        }

        Assert.Equal(code, body.GetProperty("error").GetString());
        var again = await fixture.Hq.DataAsync("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
            new { t = new[] { new { eventId, customerId = fixture.NorthCustomer, action = "ContentViewed", channel = "Web", occurredAt = "2026-11-02T10:00:00Z" } } });
        Assert.Equal(1, again.GetProperty("recordTouches").GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Errors_BadInputAndForbidden_LeakNoInternals()
    {
        using var member = fixture.ClientFor(FrontlineRoles.UnitMember);
        var bodies = new List<string>
        {
            (await fixture.Hq.PostAsync("mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }", new { o = new { id = "x", unitId = "no-such-unit", amount = -5 } })).Body.ToString(),
            (await fixture.Hq.PostAsync("{ auditLog(day: \"yesterday\") { totalCount } }")).Body.ToString(),
            (await fixture.Hq.PostAsync("query($f: Int) { auditLog(first: $f) { totalCount } }", new { f = "many" })).Body.ToString(),
            (await member.PostAsync("{ attribution(scope: \"org\") { conversions } }")).Body.ToString(),
            (await member.PostAsync("{ auditLog { totalCount } }")).Body.ToString(),
        };

        foreach (var body in bodies)
        {
            Assert.Contains("\"code\"", body, StringComparison.Ordinal);
            foreach (var secret in new[] { "   at ", "Exception", "Frontline.", "Orleans", "Npgsql", "System.", "stackTrace" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        }
    }

    private HttpClient Client(string? authorization)
    {
        var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        if (authorization is not null)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(authorization[..space], authorization[(space + 1)..]);
        }

        return http;
    }
}
