using System.Net;
using System.Net.Http.Headers;
using Frontline.GraphQL.Security;

namespace Frontline.Tests.Security;

/// <summary>The Orleans dashboard at /dashboard: operators and HQ only; a browser hands its token over once in the URL.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class DashboardAccessTests(SecurityServerFixture fixture)
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(FrontlineRoles.UnitLead, HttpStatusCode.Forbidden)]
    [InlineData(FrontlineRoles.UnitMember, HttpStatusCode.Forbidden)]
    [InlineData(FrontlineRoles.Customer, HttpStatusCode.Forbidden)]
    [InlineData(FrontlineRoles.Integrator, HttpStatusCode.Forbidden)]
    [InlineData(FrontlineRoles.Operator, HttpStatusCode.OK)]
    [InlineData(FrontlineRoles.Hq, HttpStatusCode.OK)]
    public async Task Dashboard_Role_OnlyOperatorsAndHq(string? role, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        if (role is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.TokenFor(role));
        }

        // The trailing slash: /dashboard redirects there, and a redirect drops the Authorization header.
        using var response = await http.GetAsync("/dashboard/");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_TokenInUrlOnce_CookieCarriesItAfterwards()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Server.BaseAddress };

        using var first = await browser.GetAsync("/dashboard?access_token=" + Uri.EscapeDataString(fixture.TokenFor(FrontlineRoles.Operator)));
        using var later = await browser.GetAsync("/dashboard");
        using var stranger = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var anonymous = await stranger.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
