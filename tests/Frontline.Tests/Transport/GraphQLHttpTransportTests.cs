using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;
using Frontline.Tests.Transport.TestApi;

namespace Frontline.Tests.Transport;

public sealed class GraphQLHttpTransportTests(TransportHostFixture fixture) : IClassFixture<TransportHostFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private readonly TransportTestHost _host = fixture.Host;

    [Fact]
    public async Task Post_Query_ReturnsDataAsGraphQLResponseJson()
    {
        using var response = await PostAsync("""{"query":"query Q($n: String) { hello(name: $n) }","variables":{"n":"Ada"},"operationName":"Q"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("Hello Ada", body.RootElement.GetProperty("data").GetProperty("hello").GetString());
        Assert.False(body.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Post_AcceptOnlyApplicationJson_RespondsWithApplicationJson()
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_AcceptWildcard_RespondsWithGraphQLResponseJson()
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: "*/*");

        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_QueryWithVariables_ReturnsData()
    {
        var query = Uri.EscapeDataString("query($n: String) { hello(name: $n) }");
        var variables = Uri.EscapeDataString("""{"n":"Grace"}""");
        using var client = _host.CreateClient();

        using var response = await client.GetAsync($"{TransportTestHost.Path}?query={query}&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("Hello Grace", body.RootElement.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_Mutation_Returns405WithAllowPost()
    {
        var query = Uri.EscapeDataString("mutation { publish(text: \"x\") }");
        using var client = _host.CreateClient();

        using var response = await client.GetAsync($"{TransportTestHost.Path}?query={query}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(0, _host.Hub.SubscriberCount);
    }

    [Fact]
    public async Task Post_Mutation_ReturnsData()
    {
        using var response = await PostAsync("""{"query":"mutation { publish(text: \"hi\") }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("hi", body.RootElement.GetProperty("data").GetProperty("publish").GetString());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400BadRequest()
    {
        using var response = await PostAsync("""{"query": "{ hello }" """);

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Post_MissingQuery_Returns400BadRequest()
    {
        using var response = await PostAsync("""{"variables":{}}""");

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Post_NonStringQuery_Returns400BadRequest()
    {
        using var response = await PostAsync("""{"query":42}""");

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Post_NonObjectVariables_Returns400BadRequest()
    {
        using var response = await PostAsync("""{"query":"{ hello }","variables":"nope"}""");

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Get_MissingQuery_Returns400BadRequest()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(TransportTestHost.Path);

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Post_UnsupportedContentType_Returns415()
    {
        using var client = _host.CreateClient();
        using var content = new StringContent("{ hello }", Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync(TransportTestHost.Path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnparseableDocument_Returns400ParseFailed()
    {
        using var response = await PostAsync("""{"query":"{ hello("}""");

        using var body = await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED");
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_ValidationFailure_Returns400ValidationFailed()
    {
        using var response = await PostAsync("""{"query":"{ nope }"}""");

        using var body = await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "GRAPHQL_VALIDATION_FAILED");
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_ValidationFailureAcceptingApplicationJson_Returns200ValidationFailed()
    {
        using var response = await PostAsync("""{"query":"{ nope }"}""", accept: "application/json");

        await AssertSingleErrorAsync(response, HttpStatusCode.OK, "GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Post_ResolverExecutionError_SurfacesCodeAndFieldWithData()
    {
        using var response = await PostAsync("""{"query":"{ customer(id: \"c-1\") hello }"}""");

        using var body = await AssertSingleErrorAsync(response, HttpStatusCode.OK, "NOT_FOUND");
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("Customer c-1 not found.", error.GetProperty("message").GetString());
        Assert.Equal("id", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("customer", error.GetProperty("path")[0].GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").GetProperty("customer").ValueKind);
        Assert.Equal("Hello world", body.RootElement.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_UnexpectedException_ReturnsInternalWithoutDetailsAndLogsIt()
    {
        using var response = await PostAsync("""{"query":"{ boom }"}""");

        var text = await response.Content.ReadAsStringAsync();
        using var body = await AssertSingleErrorAsync(response, HttpStatusCode.OK, "INTERNAL");
        Assert.Equal("An internal error occurred.", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Entries, e => e.Exception is InvalidOperationException { Message: TestQuery.SecretDetail });
    }

    [Fact]
    public async Task Post_Subscription_Returns400()
    {
        using var response = await PostAsync("""{"query":"subscription { messages }"}""");

        await AssertSingleErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal(0, _host.Hub.SubscriberCount);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? accept = null)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, TransportTestHost.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    private static async Task<JsonDocument> AssertSingleErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("message").GetString()));
        return body;
    }
}
