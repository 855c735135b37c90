using System.Net;
using System.Net.Http.Headers;
using Frontline.GraphQL.Security;

namespace Frontline.Tests.Security;

/// <summary>GET /metrics: Orleans and HTTP meters in the Prometheus format (who may read it: <see cref="DashboardAccessTests"/>).</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class MetricsAccessTests(SecurityServerFixture fixture)
{
    [Fact]
    public async Task Metrics_Operator_PrometheusTextWithOrleansAndHttpMeters()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.TokenFor(FrontlineRoles.Operator));

        // The fixture's set-up already made grain calls and HTTP requests; the exporter answers from what was recorded.
        await fixture.Hq.DataAsync("{ units { id } }");
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
    }
}
