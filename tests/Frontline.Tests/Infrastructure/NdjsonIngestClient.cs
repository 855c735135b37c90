using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// Sends touches to <c>POST /ingest/touches</c> as an integrator would: NDJSON batches, each retried whole after a
/// 503 (waiting what Retry-After says) or a connection error until the server acknowledges it. Counts the retryable
/// failures it met, so chaos tests can show that clients saw them.
/// </summary>
public sealed class NdjsonIngestClient(Uri baseAddress) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    // Longer than a grain call's own timeout, so a stuck call on the server ends as its 503 rather than ours.
    private readonly HttpClient _http = TestTokens.HqHttpClient(baseAddress, TimeSpan.FromSeconds(60));
    private int _unavailable;
    private int _unavailableWithoutRetryAfter;
    private int _connectionErrors;

    /// <summary>503 answers received (each carried Retry-After unless <see cref="UnavailableWithoutRetryAfter"/> says otherwise).</summary>
    public int Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>503 answers that lacked a Retry-After header.</summary>
    public int UnavailableWithoutRetryAfter => Volatile.Read(ref _unavailableWithoutRetryAfter);

    /// <summary>Requests that failed without an answer (refused, reset or timed out).</summary>
    public int ConnectionErrors => Volatile.Read(ref _connectionErrors);

    /// <summary>Serialises touches as NDJSON lines.</summary>
    public static string Ndjson(IEnumerable<object> touches) => string.Concat(touches.Select(t => JsonSerializer.Serialize(t) + "\n"));

    /// <summary>Posts <paramref name="ndjson"/> until acknowledged; returns the acknowledgement's counts.</summary>
    public async Task<(int Accepted, int Duplicates, int Rejected)> SendAsync(string ndjson)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < Deadline, $"a batch was not acknowledged within {Deadline.TotalSeconds} s ({Unavailable} 503s, {ConnectionErrors} connection errors so far)");
            var retryAfter = TimeSpan.FromMilliseconds(500);
            try
            {
                using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
                using var response = await _http.PostAsync("/ingest/touches", content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var answer = JsonDocument.Parse(body);
                    var root = answer.RootElement;
                    return (root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetArrayLength());
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"HTTP {(int)response.StatusCode}: {body}");
                Assert.Contains("UNAVAILABLE", body, StringComparison.Ordinal);
                Interlocked.Increment(ref _unavailable);
                if (response.Headers.RetryAfter?.Delta is { } delta)
                {
                    retryAfter = delta;
                }
                else
                {
                    Interlocked.Increment(ref _unavailableWithoutRetryAfter);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _connectionErrors);
            }

            // Waiting as Retry-After asks: the server (or its storage) is recovering in another process.
            await Task.Delay(retryAfter);
        }
    }

    public void Dispose() => _http.Dispose();
}
