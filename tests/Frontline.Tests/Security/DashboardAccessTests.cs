using System.Net;
using System.Net.Http.Headers;
using Frontline.GraphQL.Security;

namespace Frontline.Tests.Security;

/// <summary>The operators' paths (the Orleans dashboard at /dashboard, /metrics): operators and HQ only; a dashboard browser hands its token over once in the URL.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class DashboardAccessTests(SecurityServerFixture fixture)
{
    /// <summary>Each role against each operator path (the dashboard, the metrics scrape endpoint).</summary>
    public static TheoryData<string, string?, HttpStatusCode> OperatorPaths()
    {
        var expected = new (string? Role, HttpStatusCode Status)[]
        {
            (null, HttpStatusCode.Unauthorized),
            (FrontlineRoles.UnitLead, HttpStatusCode.Forbidden),
            (FrontlineRoles.UnitMember, HttpStatusCode.Forbidden),
            (FrontlineRoles.Customer, HttpStatusCode.Forbidden),
            (FrontlineRoles.Integrator, HttpStatusCode.Forbidden),
            (FrontlineRoles.Operator, HttpStatusCode.OK),
            (FrontlineRoles.Hq, HttpStatusCode.OK),
        };
        var data = new TheoryData<string, string?, HttpStatusCode>();

        // The dashboard's trailing slash: /dashboard redirects there, and a redirect drops the Authorization header.
        foreach (var path in new[] { "/dashboard/", "/metrics" })
        {
            foreach (var (role, status) in expected)
            {
                data.Add(path, role, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperatorPaths))]
    public async Task OperatorPath_Role_OnlyOperatorsAndHq(string path, string? role, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        if (role is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.TokenFor(role));
        }

        using var response = await http.GetAsync(path);

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
