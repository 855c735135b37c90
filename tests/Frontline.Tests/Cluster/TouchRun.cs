using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Cluster;

/// <summary>
/// A generated ingest for chaos tests: <c>customers × touchesPerCustomer</c> touches with fresh ids, in runs of ten per
/// customer (so each batch reaches many customers and every customer many batches), and the check that afterwards
/// every journey holds exactly its touches, each once.
/// </summary>
public sealed class TouchRun(int customers, int touchesPerCustomer)
{
    private static readonly string[] Actions = ["ContentViewed", "EmailEngaged", "DemoDelivered", "FormSubmitted", "TrialRequested"];
    private static readonly string[] Channels = ["Web", "Email", "Field", "Paid Search", "Events"];

    // Past, but inside the B2C window: the journeys stay open, so the run measures journeys rather than attribution.
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddDays(-3);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Touches in the run.</summary>
    public int Count => customers * touchesPerCustomer;

    /// <summary>Customer id of the customer numbered <paramref name="index"/>.</summary>
    public string Customer(int index) => $"{_run}-c{index}";

    /// <summary>The touches as NDJSON batches of <paramref name="batchSize"/> lines.</summary>
    public IEnumerable<string> NdjsonBatches(int batchSize) => Enumerable.Range(0, Count).Select(Touch).Chunk(batchSize).Select(NdjsonIngestClient.Ndjson);

    /// <summary>
    /// Reads every customer's journey (25 customers per query) and fails unless each holds exactly its touches once.
    /// Bulk touches are acknowledged once stored and applied by their customers right after (stale batches of a dead
    /// silo within the cluster's sweep settings), so a journey still short is read again, for up to
    /// <paramref name="applyDeadline"/> (60 s when null); a journey holding a touch twice or one it should not fails at once.
    /// </summary>
    public async Task AssertJourneysAsync(GraphQLHttpClient graphQL, TimeSpan? applyDeadline = null)
    {
        ArgumentNullException.ThrowIfNull(graphQL);
        var expected = Enumerable.Range(0, customers).ToDictionary(Customer, _ => new HashSet<string>(StringComparer.Ordinal));
        for (var k = 0; k < Count; k++)
        {
            expected[CustomerOf(k)].Add(EventId(k));
        }

        var deadline = DateTime.UtcNow + (applyDeadline ?? TimeSpan.FromSeconds(60));
        var pending = expected.Keys.ToList();
        var wrong = new List<string>();
        while (true)
        {
            wrong.Clear();
            var shortOnes = new List<string>();
            foreach (var group in pending.Chunk(25))
            {
                var fields = string.Join(' ', group.Select((id, i) => $"c{i}: customer(id: \"{id}\") {{ touchCount journey(first: {touchesPerCustomer + 10}) {{ totalCount edges {{ node {{ eventId }} }} }} }}"));
                if (await graphQL.DataOrUnavailableAsync("{ " + fields + " }") is not { } data)
                {
                    // A grain of the dead silo not moved yet: read the whole group again.
                    shortOnes.AddRange(group);
                    wrong.AddRange(group.Select(id => $"{id}: unavailable"));
                    continue;
                }

                for (var i = 0; i < group.Length; i++)
                {
                    var customer = data.GetProperty($"c{i}");
                    if (customer.ValueKind == System.Text.Json.JsonValueKind.Null)
                    {
                        shortOnes.Add(group[i]);
                        wrong.Add($"{group[i]}: not there yet");
                        continue;
                    }

                    var journey = customer.GetProperty("journey");
                    var ids = journey.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("eventId").GetString()!).ToList();
                    var (totalCount, touchCount) = (journey.GetProperty("totalCount").GetInt32(), customer.GetProperty("touchCount").GetInt32());
                    if (totalCount != touchesPerCustomer || touchCount != touchesPerCustomer || ids.Count != touchesPerCustomer || !expected[group[i]].SetEquals(ids))
                    {
                        var problem = $"{group[i]}: totalCount {totalCount}, touchCount {touchCount}, {ids.Distinct().Count()} distinct ids of {ids.Count}, {ids.Count(expected[group[i]].Contains)} expected";
                        Assert.False(ids.Count != ids.Distinct().Count() || ids.Any(id => !expected[group[i]].Contains(id)) || totalCount > touchesPerCustomer, "doubled or foreign touches: " + problem);
                        shortOnes.Add(group[i]);
                        wrong.Add(problem);
                    }
                }
            }

            if (shortOnes.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            pending = shortOnes;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {customers} journeys differ from what was acknowledged: " + string.Join("; ", wrong.Take(10)));
    }

    private string EventId(int k) => $"{_run}-e{k}";

    private string CustomerOf(int k) => Customer(k / 10 % customers);

    private object Touch(int k) => new
    {
        eventId = EventId(k),
        customerId = CustomerOf(k),
        action = Actions[k % Actions.Length],
        channel = Channels[k / 7 % Channels.Length],
        occurredAt = _start.AddSeconds(k).ToString("O"),
    };
}
