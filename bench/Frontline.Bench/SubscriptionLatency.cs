using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Frontline.Abstractions.Attribution;
using Frontline.Tests.Cluster;
using Frontline.Tests.Infrastructure;
using HdrHistogram;
using Spectre.Console;

namespace Frontline.Bench;

/// <summary>
/// Part 4: from sending a conversion to <c>POST /ingest/touches</c> to receiving the <c>attributionUpdated</c>
/// push it causes on a graphql-transport-ws client, at a paced 1,000 events/s, against the round trip of a plain
/// GraphQL query at the same rate. The server is the real Silo as its own process (embedded profile, files).
/// </summary>
public static class SubscriptionLatency
{
    /// <summary>Events (or baseline queries) per second: the goal's rate, then a quarter of it, where the server has headroom.</summary>
    public static readonly IReadOnlyList<int> Rates = [1_000, 250];

    /// <summary>Events per NDJSON request: small batches, one every 10 ms.</summary>
    public const int BatchSize = 10;

    /// <summary>
    /// One event in ten is a conversion (<c>ContractSigned</c>), the rest are touches happening now: the mix an
    /// integrator sends. Every conversion changes its customer's records in <c>org</c>, <c>segment/B2B</c> and
    /// its region, and so causes a push; a touch of a B2B customer waits in its open 90-day window and causes none.
    /// </summary>
    public const int EventsPerConversion = 10;

    /// <summary>
    /// Each region scope gets 1/100th of the conversions (one a second), so a push's conversion count tells which
    /// conversion it reports without ambiguity.
    /// </summary>
    public const int Regions = 100;

    public const int CustomersPerRegion = 10;

    private static readonly string[] TouchActions = ["ContentViewed", "EmailEngaged", "FormSubmitted", "DemoDelivered", "WhitepaperDownloaded"];

    private static readonly string[] TouchChannels = ["Web", "Email", "Search", "Field"];

    /// <summary>
    /// A region's conversions cycle over its own 10 hours (1,000 hours in all), so no hour bucket fills up during
    /// the run: part 2b shows a bucket's write cost grows with its records, which is not what this part measures.
    /// </summary>
    public const int HoursPerRegion = 10;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Measures the embedded profile at each of <see cref="Rates"/>, then the cluster profile (PostgreSQL, one silo) at
    /// the goal's rate; each on a fresh server (and for the cluster, a fresh database).
    /// </summary>
    public static async Task<IReadOnlyList<SubscriptionLatencyResult>> RunAsync(TimeSpan warmup, TimeSpan length)
    {
        var results = new List<SubscriptionLatencyResult>();
        foreach (var rate in Rates)
        {
            results.Add(await RunAsync(EmbeddedProfile, rate, warmup, length, []));
        }

        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            results.Add(await RunAsync(ClusterProfile, Rates[0], warmup, length, ["--Frontline:Profile", "cluster", "--ConnectionStrings:Frontline", database]));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }

        return results;
    }

    /// <summary>Name of the embedded profile in the results: file storage with fsync.</summary>
    public const string EmbeddedProfile = "embedded";

    /// <summary>Name of the cluster profile in the results: PostgreSQL storage, journal and reminders.</summary>
    public const string ClusterProfile = "cluster";

    private static async Task<SubscriptionLatencyResult> RunAsync(string profile, int rate, TimeSpan warmup, TimeSpan length, string[] arguments)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("frontline-bench-");
        try
        {
            await using var server = await EmbeddedServerProcess.StartAsync(dataDirectory.FullName, arguments);
            try
            {
                return await MeasureAsync(server, profile, rate, warmup, length);
            }
            catch
            {
                // What the server logged says why (timeouts, storage errors); the bench's own trace does not.
                Console.Error.WriteLine(string.Join('\n', server.Output.Split('\n').TakeLast(60)));
                throw;
            }
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<SubscriptionLatencyResult> MeasureAsync(EmbeddedServerProcess server, string profile, int rate, TimeSpan warmup, TimeSpan length)
    {
        using var http = TestTokens.HqHttpClient(server.BaseAddress, TimeSpan.FromMinutes(2));
        await RegisterCustomersAsync(http);

        AnsiConsole.MarkupLineInterpolated($"  latency: baseline, {rate:N0} plain queries/s for {length.TotalSeconds:0} s");
        var query = LatencySummary.NewHistogram();
        await PacedAsync(warmup, rate, _ => QueryAsync(http, null));
        await PacedAsync(length, rate, scheduled => QueryAsync(http, (query, scheduled)));

        var tracker = new PushTracker(DateTimeOffset.UtcNow);
        var socketUri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "graphql" }.Uri;
        await using var socket = await BenchWebSocketClient.ConnectAsync(socketUri, TestTokens.Hq);
        for (var region = 0; region < Regions; region++)
        {
            await socket.SubscribeAsync(
                region.ToString(CultureInfo.InvariantCulture),
                "subscription($scope: String!) { attributionUpdated(scope: $scope) { conversions } }",
                new { scope = AttributionScopes.Region(RegionName(region)) });
        }

        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(() => socket.ReceiveAllAsync(tracker.OnPush, stop.Token));

        AnsiConsole.MarkupLineInterpolated($"  latency: {rate:N0} events/s (1 in {EventsPerConversion} a conversion) in NDJSON batches of {BatchSize} for {length.TotalSeconds:0} s");
        var ack = LatencySummary.NewHistogram();
        await PacedAsync(warmup, rate / BatchSize, scheduled => IngestAsync(http, tracker, scheduled, measured: false, ack: null));
        var achieved = await PacedAsync(length, rate / BatchSize, scheduled => IngestAsync(http, tracker, scheduled, measured: true, ack));

        var drain = Stopwatch.StartNew();
        while (tracker.Outstanding > 0 && drain.Elapsed < DrainTimeout && !receiving.IsCompleted)
        {
            // Pushes still on their way; the receive loop accounts them as they come.
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        await stop.CancelAsync();
        await receiving;
        var result = new SubscriptionLatencyResult(
            profile,
            rate,
            length,
            Regions,
            BatchSize,
            tracker.Measured,
            tracker.Outstanding,
            tracker.Retries,
            achieved * BatchSize,
            tracker.AcknowledgedRate,
            tracker.Summary(),
            LatencySummary.Of(ack),
            LatencySummary.Of(query));
        AnsiConsole.MarkupLineInterpolated($"  latency ({profile}): push p50 {result.Push.P50:0.0} ms p99 {result.Push.P99:0.0} ms; plain query p50 {result.Query.P50:0.0} ms p99 {result.Query.P99:0.0} ms; {result.Missing} pushes missing");
        return result;
    }

    private static string RegionName(int region) => $"bench-{region}";

    private static async Task RegisterCustomersAsync(HttpClient http)
    {
        var customers = Enumerable.Range(0, Regions)
            .SelectMany(region => Enumerable.Range(0, CustomersPerRegion).Select(k => new { id = CustomerId(region, k), segment = "B2B", region = RegionName(region) }))
            .ToList();
        foreach (var batch in customers.Chunk(500))
        {
            using var response = await http.PostAsJsonAsync("graphql", new
            {
                query = "mutation($c: [RegisterCustomerInput!]!) { registerCustomers(input: $c) { accepted rejected { index field reason } } }",
                variables = new { c = batch },
            });
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var accepted = body.RootElement.TryGetProperty("data", out var data) ? data.GetProperty("registerCustomers").GetProperty("accepted").GetInt32() : -1;
            if (accepted != batch.Length)
            {
                throw new InvalidOperationException($"registerCustomers accepted {accepted} of {batch.Length}: {body.RootElement}");
            }
        }
    }

    private static string CustomerId(int region, int k) => $"lat-{region}-{k}";

    /// <summary>
    /// Starts <paramref name="send"/> <paramref name="perSecond"/> times a second for <paramref name="length"/>
    /// without waiting for earlier ones (an open loop: a slow answer does not slow the sender, so queueing
    /// shows up as latency), passing each call its scheduled <see cref="Stopwatch.GetTimestamp"/>; latency is
    /// counted from the schedule, so a sender that falls behind does not hide the delay. Returns calls/s achieved.
    /// </summary>
    private static async Task<double> PacedAsync(TimeSpan length, int perSecond, Func<long, Task> send)
    {
        var calls = (int)(length.TotalSeconds * perSecond);
        var interval = Stopwatch.Frequency / (double)perSecond;
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task>(calls);
        for (var i = 0; i < calls; i++)
        {
            var scheduled = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            pending.Add(send(scheduled));
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(pending);
        return calls / elapsed.TotalSeconds;
    }

    private static async Task QueryAsync(HttpClient http, (LongHistogram Histogram, long Scheduled)? record)
    {
        using var response = await http.PostAsJsonAsync("graphql", new { query = "{ units { id } }" });
        var body = await response.Content.ReadAsStringAsync();
        var done = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"baseline query failed: {(int)response.StatusCode} {body}");
        }

        if (record is { } r)
        {
            Record(r.Histogram, r.Scheduled, done);
        }
    }

    private static async Task IngestAsync(HttpClient http, PushTracker tracker, long scheduled, bool measured, LongHistogram? ack)
    {
        var lines = new StringBuilder();
        foreach (var line in tracker.NextBatch(scheduled, measured, BatchSize))
        {
            lines.Append(line).Append('\n');
        }

        var ndjson = lines.ToString();
        while (true)
        {
            using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
            using var response = await http.PostAsync("ingest/touches", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                // What the contract tells an integrator to do: wait as told and send the same batch again
                // (idempotent by eventId). The wait counts as latency: it runs from the scheduled time.
                tracker.CountRetry();
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            using var answer = JsonDocument.Parse(body);
            var stored = answer.RootElement.GetProperty("accepted").GetInt32() + answer.RootElement.GetProperty("duplicates").GetInt32();
            if (!response.IsSuccessStatusCode || stored != BatchSize)
            {
                throw new InvalidOperationException($"POST /ingest/touches answered {(int)response.StatusCode} {body}");
            }

            break;
        }

        var done = Stopwatch.GetTimestamp();

        if (ack is not null)
        {
            Record(ack, scheduled, done);
            tracker.Acknowledged(done);
        }
    }

    private static void Record(LongHistogram histogram, long scheduled, long done)
    {
        var microseconds = Math.Max(1, (long)Stopwatch.GetElapsedTime(scheduled, done).TotalMicroseconds);
        lock (histogram)
        {
            histogram.RecordValue(microseconds);
        }
    }

    /// <summary>
    /// Which conversions each region scope was sent, when, and how many of them its pushes have reported. A push
    /// reporting n conversions accounts for the region's first n events: each is received at that push's time.
    /// </summary>
    private sealed class PushTracker(DateTimeOffset anchor)
    {
        private readonly Lock _lock = new();
        private readonly List<(long Scheduled, bool Measured)>[] _sent = [.. Enumerable.Range(0, Regions).Select(_ => new List<(long, bool)>())];
        private readonly int[] _reported = new int[Regions];
        private readonly LongHistogram _push = LatencySummary.NewHistogram();
        private readonly DateTimeOffset _anchor = new(anchor.Year, anchor.Month, anchor.Day, anchor.Hour, 0, 0, TimeSpan.Zero);
        private readonly Random _random = new(4);
        private long _events;
        private long _conversions;

        private long _retries;
        private long _lastAck;
        private long _firstMeasured;
        private long _acknowledgedEvents;

        /// <summary>
        /// Measured events acknowledged per second, from the first measured batch's scheduled time to the last
        /// acknowledgement: what the server sustained, whatever the sender offered.
        /// </summary>
        public double AcknowledgedRate
        {
            get
            {
                lock (_lock)
                {
                    return _acknowledgedEvents == 0 ? 0 : _acknowledgedEvents / Stopwatch.GetElapsedTime(_firstMeasured, _lastAck).TotalSeconds;
                }
            }
        }

        public void Acknowledged(long at)
        {
            lock (_lock)
            {
                _lastAck = Math.Max(_lastAck, at);
                _acknowledgedEvents += BatchSize;
            }
        }

        /// <summary>503 answers retried (during warm-up or measurement).</summary>
        public long Retries => Interlocked.Read(ref _retries);

        public void CountRetry() => Interlocked.Increment(ref _retries);

        /// <summary>Measured conversions not yet reported by a push.</summary>
        public long Outstanding
        {
            get
            {
                lock (_lock)
                {
                    return Enumerable.Range(0, Regions).Sum(r => (long)_sent[r].Skip(_reported[r]).Count(e => e.Measured));
                }
            }
        }

        public long Measured
        {
            get
            {
                lock (_lock)
                {
                    return _sent.Sum(events => (long)events.Count(e => e.Measured));
                }
            }
        }

        /// <summary>
        /// The NDJSON lines of the next <paramref name="count"/> events: one conversion in
        /// <see cref="EventsPerConversion"/> (round robin over the regions), the others touches of random customers.
        /// </summary>
        public IReadOnlyList<string> NextBatch(long scheduled, bool measured, int count)
        {
            var lines = new List<string>(count);
            lock (_lock)
            {
                for (var i = 0; i < count; i++)
                {
                    var index = _events++;
                    if (measured && _firstMeasured == 0)
                    {
                        _firstMeasured = scheduled;
                    }

                    if (index % EventsPerConversion != 0)
                    {
                        lines.Add(Touch(index));
                        continue;
                    }

                    var region = (int)(_conversions++ % Regions);
                    var ordinal = _sent[region].Count;
                    _sent[region].Add((scheduled, measured));

                    // Hours in the past (never ahead of now), distinct per region; seconds keep a customer's conversions apart.
                    var at = _anchor.AddHours(-((region * HoursPerRegion) + (ordinal % HoursPerRegion) + 1)).AddSeconds(ordinal % 3600);
                    lines.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"eventId":"lat-{{index}}","customerId":"{{CustomerId(region, ordinal % CustomersPerRegion)}}","action":"ContractSigned","channel":"Direct","occurredAt":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","value":1,"source":"bench"}"""));
                }
            }

            return lines;
        }

        /// <summary>A touch of a random customer a few seconds ago: stored in its journey, credited by no conversion yet.</summary>
        private string Touch(long index)
        {
            var customer = CustomerId(_random.Next(Regions), _random.Next(CustomersPerRegion));
            var at = DateTimeOffset.UtcNow.AddSeconds(-_random.Next(1, 60));
            return string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"eventId":"lat-{{index}}","customerId":"{{customer}}","action":"{{TouchActions[_random.Next(TouchActions.Length)]}}","channel":"{{TouchChannels[_random.Next(TouchChannels.Length)]}}","occurredAt":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","source":"bench"}""");
        }

        public void OnPush(string id, JsonElement data, long received)
        {
            var region = int.Parse(id, CultureInfo.InvariantCulture);
            var conversions = (int)Math.Round(data.GetProperty("attributionUpdated").GetProperty("conversions").GetDouble());
            lock (_lock)
            {
                var sent = _sent[region];
                for (; _reported[region] < Math.Min(conversions, sent.Count); _reported[region]++)
                {
                    var (scheduled, measured) = sent[_reported[region]];
                    if (measured)
                    {
                        _push.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(scheduled, received).TotalMicroseconds));
                    }
                }
            }
        }

        public LatencySummary Summary()
        {
            lock (_lock)
            {
                return LatencySummary.Of(_push);
            }
        }
    }
}
