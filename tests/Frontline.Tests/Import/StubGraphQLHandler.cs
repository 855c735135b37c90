using System.Net;
using System.Text;

namespace Frontline.Tests.Import;

/// <summary>An HTTP handler that plays back scripted answers and records what was posted, standing in for the server.</summary>
public sealed class StubGraphQLHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    /// <summary>Bodies of the requests received, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Answers the next request with <paramref name="status"/> and a JSON body.</summary>
    public StubGraphQLHandler Respond(HttpStatusCode status, string json)
    {
        _answers.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        return this;
    }

    /// <summary>Answers the next request with an <c>IngestResult</c> under <c>data.{field}</c>.</summary>
    public StubGraphQLHandler RespondResult(string field, int accepted, int duplicates = 0, string rejected = "[]") =>
        Respond(HttpStatusCode.OK,
            "{\"data\":{\"" + field + "\":{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + ",\"rejected\":" + rejected + "}}}");

    /// <summary>Fails the next request as a refused connection does.</summary>
    public StubGraphQLHandler RefuseConnection()
    {
        _answers.Enqueue(() => throw new HttpRequestException("Connection refused (localhost:5080)"));
        return this;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        if (_answers.Count == 0) throw new InvalidOperationException("no scripted answer left");
        return _answers.Dequeue()();
    }
}
