using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Ingestion;

namespace Frontline.Silo.Import;

/// <summary>
/// Posts ingest mutations to <c>{server}/graphql</c>. Transient failures (connection refused, timeouts, 5xx, 408, 429)
/// are retried after each of the given delays. Retrying a POST is safe here because every mutation sent is
/// idempotent: the batch ones on item ids (a batch the server applied before the connection dropped comes back as
/// duplicates), <c>importPaths</c> because it replaces the scope's paths with the same ones again.
/// </summary>
public sealed class GraphQLIngestClient
{
    /// <summary>Back-off before the 1st..4th retry; about 7.5 s in all, enough for a silo that is still starting.</summary>
    public static readonly ImmutableArray<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    // The body goes to an API, never into HTML, so '>' (in every path) and non-ASCII names need no \uXXXX escapes.
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly ImmutableArray<TimeSpan> _retryDelays;

    /// <summary>Creates a client for the server at <paramref name="server"/> (its base address, without <c>/graphql</c>).</summary>
    public GraphQLIngestClient(HttpClient http, Uri server, ImmutableArray<TimeSpan> retryDelays)
    {
        _http = http;
        _retryDelays = retryDelays;
        Endpoint = new Uri(server.AbsoluteUri.TrimEnd('/') + "/graphql");
    }

    /// <summary>The GraphQL endpoint posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sends one batch and returns the server's per-item verdict.</summary>
    /// <exception cref="ServerUnreachableException">No usable HTTP answer after all retries.</exception>
    /// <exception cref="GraphQLErrorException">The server answered with GraphQL errors.</exception>
    public async Task<IngestResult> SendAsync(IngestMutation mutation, JsonArray input, CancellationToken cancellationToken = default)
    {
        var result = await PostAsync(mutation.Field, mutation.Document, new JsonObject { ["input"] = input.DeepClone() }, cancellationToken);
        if (result.ValueKind != JsonValueKind.Object) throw new GraphQLErrorException($"{mutation.Field}: the response has no data.{mutation.Field}");
        try
        {
            return ToIngestResult(result);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new GraphQLErrorException($"{mutation.Field}: malformed IngestResult ({e.Message})");
        }
    }

    /// <summary>Replaces the paths of <paramref name="scope"/> with <paramref name="paths"/> (<c>PathInput</c> objects) and returns how many it holds.</summary>
    /// <exception cref="ServerUnreachableException">No usable HTTP answer after all retries.</exception>
    /// <exception cref="GraphQLErrorException">The server answered with GraphQL errors, e.g. a scope it does not accept.</exception>
    public async Task<int> ImportPathsAsync(string scope, JsonArray paths, CancellationToken cancellationToken = default)
    {
        var variables = new JsonObject { ["scope"] = scope, ["paths"] = paths.DeepClone() };
        var result = await PostAsync(PathMutation.Field, PathMutation.Document, variables, cancellationToken);
        return result.ValueKind == JsonValueKind.Number && result.TryGetInt32(out var stored)
            ? stored
            : throw new GraphQLErrorException($"{PathMutation.Field}: expected a whole number, got {result.GetRawText()}");
    }

    /// <summary>Posts <paramref name="document"/> with <paramref name="variables"/> and returns <c>data.{field}</c>, which is not null.</summary>
    private async Task<JsonElement> PostAsync(string field, string document, JsonObject variables, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = document, ["variables"] = variables }.ToJsonString(BodyOptions);

        for (var attempt = 0; ; attempt++)
        {
            string failure;
            Exception? cause = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
                using var response = await _http.SendAsync(request, cancellationToken);
                if (!IsTransient(response.StatusCode))
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    return ReadResult(field, response, text);
                }

                failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
                cause = e;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {_http.Timeout.TotalSeconds:0} s";
                cause = e;
            }

            if (attempt >= _retryDelays.Length)
            {
                throw new ServerUnreachableException($"{Endpoint}: {failure} (after {attempt + 1} attempts)", cause);
            }

            await Task.Delay(_retryDelays[attempt], cancellationToken);
        }
    }

    // A refused token is the importer's set-up, not the data: say how to give one.
    private string CredentialHint(JsonElement errors)
    {
        var codes = errors.EnumerateArray()
            .Select(e => e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)
            .ToHashSet(StringComparer.Ordinal);
        if (codes.Contains(ErrorCodes.Unauthenticated))
        {
            return _http.DefaultRequestHeaders.Authorization is null
                ? $" (no token was given: pass --token <t> or set {ImportOptions.TokenVariable}; `dotnet run --project Silo -- token --role integrator` prints one)"
                : " (the token was refused: expired, or not signed with this server's key; mint a fresh one with the server's key)";
        }

        return codes.Contains(ErrorCodes.Forbidden) ? " (the token's role may not import: use role integrator or hq)" : "";
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private JsonElement ReadResult(string field, HttpResponseMessage response, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // A non-JSON answer is a web server that is not (or not yet) Frontline's GraphQL endpoint.
            throw new ServerUnreachableException($"{Endpoint}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}, not a GraphQL response");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GraphQLErrorException($"{Endpoint}: the response is not a JSON object");
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                throw new GraphQLErrorException($"{field}: {string.Join("; ", errors.EnumerateArray().Select(DescribeError))}{CredentialHint(errors)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ServerUnreachableException($"{Endpoint}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty(field, out var result) || result.ValueKind == JsonValueKind.Null)
            {
                throw new GraphQLErrorException($"{field}: the response has no data.{field}");
            }

            // Cloned because the document is disposed on return.
            return result.Clone();
        }
    }

    private static string DescribeError(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : error.GetRawText();
        var code = error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return code is null ? $"{message}" : $"{message} [{code}]";
    }

    private static IngestResult ToIngestResult(JsonElement result)
    {
        var rejected = ImmutableArray.CreateBuilder<IngestRejection>();
        if (result.TryGetProperty("rejected", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                rejected.Add(new IngestRejection
                {
                    Index = item.GetProperty("index").GetInt32(),
                    Field = StringOrEmpty(item, "field"),
                    Reason = StringOrEmpty(item, "reason"),
                    Code = item.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                        ? code.GetString()! : ErrorCodes.Validation,
                });
            }
        }

        return new IngestResult
        {
            Accepted = result.GetProperty("accepted").GetInt32(),
            Duplicates = result.GetProperty("duplicates").GetInt32(),
            Rejected = rejected.ToImmutable(),
        };
    }

    private static string StringOrEmpty(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
