using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// A plain GraphQL-over-HTTP caller for end-to-end tests: POSTs a document and returns the parsed response. It
/// sends an HQ token (<see cref="TestTokens.Hq"/>) unless given another one, or null for none.
/// </summary>
public sealed class GraphQLHttpClient : IDisposable
{
    private readonly HttpClient _http;

    public GraphQLHttpClient(Uri baseAddress)
        : this(baseAddress, TestTokens.Hq)
    {
    }

    public GraphQLHttpClient(Uri baseAddress, string? token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    public HttpClient Http => _http;

    /// <summary>Posts the document; returns the whole response body (data and errors) and the HTTP status.</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(string query, object? variables = null)
    {
        var response = await _http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body);
    }

    /// <summary>Posts the document and returns <c>data</c>, failing the test if there were errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.True(!body.TryGetProperty("errors", out var errors), $"HTTP {status}: {errors}");
        return body.GetProperty("data");
    }

    /// <summary>
    /// Like <see cref="DataAsync"/>, but null when every error is <c>UNAVAILABLE</c> (retryable: a silo just died and
    /// the cluster has not moved its grains yet, or storage is away), for reads that are repeated until they hold.
    /// </summary>
    public async Task<JsonElement?> DataOrUnavailableAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        if (!body.TryGetProperty("errors", out var errors))
        {
            return body.GetProperty("data");
        }

        Assert.True(
            errors.EnumerateArray().All(e => e.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) && code.GetString() == "UNAVAILABLE"),
            $"HTTP {status}: {errors}");
        return null;
    }

    /// <summary>Posts the document and returns its single error's code and field.</summary>
    public async Task<(string Code, string? Field, JsonElement Body)> ErrorAsync(string query, object? variables = null)
    {
        var (_, body) = await PostAsync(query, variables);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        var extensions = error.GetProperty("extensions");
        return (extensions.GetProperty("code").GetString()!, extensions.TryGetProperty("field", out var f) ? f.GetString() : null, body);
    }

    public static JsonNode? Json(object value) => JsonSerializer.SerializeToNode(value);

    public void Dispose() => _http.Dispose();
}
