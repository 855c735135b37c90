using System.Text;
using System.Text.Json;

namespace Frontline.Tests.Fuzz;

/// <summary>
/// Generates hostile requests that are wrong by construction: every document, variable set, batch and NDJSON line has
/// at least one fault that no mutation step can repair (an illegal character outside strings, an unclosed brace, an
/// unknown field, an invalid value in every batch item), so the server must refuse each one with an error code and
/// change nothing. Case <c>n</c> always generates the same request (its own seeded <see cref="Random"/>).
/// </summary>
public static class MalformedRequests
{
    /// <summary>Customers the generated payloads address; the test snapshots them before and after.</summary>
    public static readonly string[] CustomerIds = ["fz-c1", "fz-c2", "fz-c3"];

    /// <summary>Units the generated payloads address.</summary>
    public static readonly string[] UnitIds = ["fz-unit", "fz-u2"];

    private const string IllegalCharacters = "%^~;?*<>/\\`'\u0001\u0002\u0007\u0008\u000B\u000E\u001B\u001F";

    private static readonly string[] SeedDocuments =
    [
        "{ units { id name region members { name role } openCount } }",
        "query Q($id: ID!) { customer(id: $id) { id touchCount health { score band } journey(first: 5) { totalCount edges { cursor node { eventId } } } } }",
        "{ attribution(model: MARKOV, by: CHANNEL) { conversions value credits { key value share } } }",
        "{ heatmap(scope: \"org\") { key hourStart conversions value } }",
        "{ pathStats { journeys conversions nulls } contentCombinations(minSupport: 1) { actions support } }",
        "mutation { registerUnit(input: {id: \"fz-u2\", name: \"Fuzz\", region: \"North\", members: [{name: \"a\", role: \"sales\"}]}) { id } }",
        "mutation M($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates rejected { index field reason code } } }",
        "mutation { closeOpportunity(input: {opportunityId: \"fz-o1\", won: true, value: 10}) { opportunityId } }",
        "mutation { importPaths(scope: \"paths/fuzz\", paths: [{path: \"a > b\", conversions: 1, value: 1, nulls: 0}]) }",
        "subscription { escalationRaised(unitId: \"fz-unit\") { id } }",
    ];

    /// <summary>The request of case <paramref name="caseNumber"/> under <paramref name="seed"/>.</summary>
    public static MalformedRequest Create(int seed, int caseNumber)
    {
        var random = new Random(unchecked((seed * 1_000_003) + caseNumber));
        var pick = random.Next(100);
        return pick switch
        {
            < 35 => MalformedDocument(random, caseNumber),
            < 52 => BadVariables(random, caseNumber),
            < 70 => BadBatch(random, caseNumber),
            < 88 => BadNdjson(random, caseNumber),
            _ => BadHttp(random, caseNumber),
        };
    }

    private static MalformedRequest MalformedDocument(Random random, int caseNumber)
    {
        string document;
        var generator = random.Next(10);
        if (generator < 6)
        {
            document = SeedDocuments[random.Next(SeedDocuments.Length)];
            var steps = random.Next(1, 4);
            for (var i = 0; i < steps; i++)
            {
                document = Malform(random, document, caseNumber);
            }
        }
        else
        {
            document = generator switch
            {
                6 => DeepNesting(random.Next(50, 3_000)),
                7 => ManyAliases(random.Next(30, 120)),
                8 => random.Next(4) switch
                {
                    0 => "fragment A on Query { units { id } ...B } fragment B on Query { ...A } query { ...A }",
                    1 => "{ customer(id: \"\\uZZZZ\") { id } }",
                    2 => "{ customer(id: \"fz-c1) { id } }",
                    _ => "{ customer(id: \"fz-c1\") { journey(first: 99999999999999999999) { totalCount } } }",
                },
                _ => IllegalCharacters[random.Next(IllegalCharacters.Length)] + RandomText(random, random.Next(0, 200)),
            };
        }

        // A GET carries the document in the URL; keep it under Kestrel's request-line limit so the request reaches us.
        if (document.Length < 1_500 && random.Next(10) == 0)
        {
            return new MalformedRequest(caseNumber, "document/get", HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(document), null, [], 0);
        }

        object body = random.Next(3) == 0
            ? new { query = document, variables = new { id = "fz-c1", t = new[] { FutureTouch(caseNumber, 0) } } }
            : new { query = document };
        return Json(caseNumber, "document", body, 0);
    }

    private static string Malform(Random random, string document, int caseNumber)
    {
        var outside = PositionsOutsideStrings(document);
        switch (random.Next(5))
        {
            case 0:
                var at = outside[random.Next(outside.Count)];
                return document.Insert(at, IllegalCharacters[random.Next(IllegalCharacters.Length)].ToString());
            case 1:
                // Cutting anywhere before the last closing brace leaves a brace (or a string) open.
                var lastBrace = document.LastIndexOf('}');
                return lastBrace <= 0 ? document[..0] : document[..random.Next(lastBrace)];
            case 2:
                var opens = outside.Where(i => i < document.Length && document[i] == '{').ToList();
                return opens.Count == 0 ? document + " {" : document.Insert(opens[random.Next(opens.Count)] + 1, $" zzFuzz{caseNumber} ");
            case 3:
                var closes = outside.Where(i => i < document.Length && document[i] == '}').ToList();
                return closes.Count == 0 ? document + " {" : document.Remove(closes[random.Next(closes.Count)], 1);
            default:
                // A second operation beside a whole one makes the document ambiguous; beside a cut one the braces stay
                // unbalanced. A fragment without any brace ("query Q") must not become whole, so it gets an open brace.
                return outside.Any(i => i < document.Length && document[i] == '{') ? document + " { units { id } }" : document + " {";
        }
    }

    private static List<int> PositionsOutsideStrings(string document)
    {
        var positions = new List<int>();
        var inString = false;
        for (var i = 0; i <= document.Length; i++)
        {
            if (!inString)
            {
                positions.Add(i);
            }

            if (i < document.Length && document[i] == '"' && (i == 0 || document[i - 1] != '\\'))
            {
                inString = !inString;
            }
        }

        return positions;
    }

    private static string DeepNesting(int depth) =>
        "{ units " + string.Concat(Enumerable.Repeat("{ members ", depth)) + "{ name }" + new string('}', depth) + " }";

    private static string ManyAliases(int count) =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: units {{ id name region members {{ name role }} }} ")) + "}";

    private static MalformedRequest BadVariables(Random random, int caseNumber)
    {
        (string Document, string Name, object?[] Values)[] cases =
        [
            ("query($id: ID!) { customer(id: $id) { id touchCount } }", "id", [null, new { }, Array.Empty<int>(), true, false, "", new string('x', 300), new { a = new[] { 1 } }]),
            ("query($n: Int) { customer(id: \"fz-c1\") { journey(first: $n) { totalCount } } }", "n", [-1, 501, 100_000, 2_147_483_648L, 1.5, true, new { }, new[] { 1, 2 }]),
            ("query($m: AttributionModel!) { attribution(model: $m) { conversions } }", "m", ["NOPE", "markov", 3, null, Array.Empty<int>(), new { }]),
            ("query($f: DateTime) { attribution(from: $f) { conversions } }", "f", ["yesterday", "2018-13-45T00:00:00Z", 5, true, "", new { }]),
            ("query($id: ID!) { unit(id: $id) { id name } }", "id", [null, new { }, true, "", new string('u', 300)]),
            ("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }", "t", ["x", 5, null, new object?[] { null }, new[] { new { occurredAt = "garbage" } }, new[] { new { value = "abc" } }, new[] { new { attributes = "x" } }]),
        ];
        var (document, name, values) = cases[random.Next(cases.Length)];
        var value = values[random.Next(values.Length)];
        var variables = new Dictionary<string, object?>();
        if (value is not null || random.Next(2) == 0)
        {
            variables[name] = value;
        }

        return Json(caseNumber, "variables", new { query = document, variables }, 0);
    }

    private static MalformedRequest BadBatch(Random random, int caseNumber)
    {
        var count = random.Next(1, 21);
        switch (random.Next(4))
        {
            case 0:
            case 1:
                var touches = Enumerable.Range(0, count).Select(i => InvalidTouch(random, caseNumber, i)).ToList();
                return Json(caseNumber, "batch/touches", new { query = "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates rejected { index field reason code } } }", variables = new { t = touches } }, count);
            case 2:
                var units = Enumerable.Range(0, count).Select(_ => Without(random, new Dictionary<string, object?> { ["id"] = UnitIds[1], ["name"] = "Fuzz", ["region"] = "North" }, "id", ["", new string('u', 300)])).ToList();
                return Json(caseNumber, "batch/units", new { query = "mutation($u: [RegisterUnitInput!]!) { registerUnits(input: $u) { accepted duplicates rejected { index field reason code } } }", variables = new { u = units } }, count);
            default:
                var customers = Enumerable.Range(0, count).Select(_ =>
                {
                    var customer = new Dictionary<string, object?> { ["id"] = CustomerIds[random.Next(CustomerIds.Length)], ["segment"] = "B2B", ["name"] = "Fuzz" };
                    return random.Next(2) == 0 ? Without(random, customer, "id", ["", new string('c', 300)]) : Without(random, customer, "segment", []);
                }).ToList();
                return Json(caseNumber, "batch/customers", new { query = "mutation($c: [RegisterCustomerInput!]!) { registerCustomers(input: $c) { accepted duplicates rejected { index field reason code } } }", variables = new { c = customers } }, count);
        }
    }

    private static MalformedRequest BadNdjson(Random random, int caseNumber)
    {
        var count = random.Next(1, 31);
        var body = new MemoryStream();
        var newline = random.Next(4) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                body.Write(newline);
            }

            byte[] line = random.Next(6) switch
            {
                0 => Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "{", 1 => "nul", 2 => "{\"eventId\":", _ => "}" + RandomText(random, random.Next(0, 60)).Replace('\n', ' ') }),
                1 => Encoding.UTF8.GetBytes(new[] { "[1,2]", "5", "\"s\"", "null", "true" }[random.Next(5)]),
                2 => [0xFF, 0xFE, (byte)'{', 0xC3],
                _ => JsonSerializer.SerializeToUtf8Bytes(InvalidTouch(random, caseNumber, i)),
            };
            body.Write(line);
        }

        if (random.Next(2) == 0)
        {
            body.Write(newline);
        }

        var contentType = random.Next(5) == 0 ? "text/plain" : "application/x-ndjson";
        return new MalformedRequest(caseNumber, "ndjson", HttpMethod.Post, "/ingest/touches", contentType, body.ToArray(), count);
    }

    private static MalformedRequest BadHttp(Random random, int caseNumber)
    {
        string text;
        var contentType = "application/json";
        var method = HttpMethod.Post;
        var path = "/graphql";
        switch (random.Next(12))
        {
            case 0:
                text = "}" + RandomText(random, random.Next(0, 300));
                break;
            case 1:
                text = "{\"query\": \"{ units { id } }\"";
                break;
            case 2:
                text = "[{\"query\": \"{ units { id } }\"}]";
                break;
            case 3:
                text = new[] { "{\"query\": 5}", "{\"query\": null}", "{\"query\": \"\"}", "{}", "null", "\"{ units { id } }\"" }[random.Next(6)];
                break;
            case 4:
                text = "{\"query\": \"{ units { id } }\", \"operationName\": \"Nope\"}";
                break;
            case 5:
                text = "{\"query\": \"{ units { id } }\", \"variables\": " + new string('[', random.Next(100, 5_000)) + "}";
                break;
            case 6:
                text = "{\"query\": \"{ units { id } }\"}";
                contentType = random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded";
                break;
            case 7:
                text = "";
                method = HttpMethod.Get;
                break;
            case 8:
                text = "";
                method = HttpMethod.Get;
                path = "/graphql?query=" + Uri.EscapeDataString("mutation { registerUnit(input: {id: \"fz-u2\", name: \"X\"}) { id } }");
                break;
            case 9:
                text = "";
                method = HttpMethod.Get;
                path = "/graphql?query=" + Uri.EscapeDataString("{ units { id } }") + "&variables=" + Uri.EscapeDataString(RandomText(random, 20) + "}");
                break;
            case 10:
                text = "{\"query\": \"{ units { id } }\", \"variables\": [1, 2]}";
                break;
            default:
                text = "{\"query\": \"subscription { escalationRaised(unitId: \\\"fz-unit\\\") { id } }\"}";
                break;
        }

        return new MalformedRequest(caseNumber, "http", method, path, method == HttpMethod.Get ? null : contentType, Encoding.UTF8.GetBytes(text), 0);
    }

    /// <summary>A touch with one to two faults, each of which the validator refuses on its own.</summary>
    private static Dictionary<string, object?> InvalidTouch(Random random, int caseNumber, int index)
    {
        var touch = ValidTouch(random, caseNumber, index);
        var faults = random.Next(1, 3);
        for (var i = 0; i < faults; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    Without(random, touch, "eventId", ["", new string('e', 257)]);
                    break;
                case 1:
                    Without(random, touch, "customerId", ["", new string('y', 300)]);
                    break;
                case 2:
                    Without(random, touch, "action", ["", "NotAnAction", "contentviewed"]);
                    break;
                case 3:
                    Without(random, touch, "channel", ["", new string('h', 201)]);
                    break;
                case 4:
                    Without(random, touch, "occurredAt", ["2099-01-01T00:00:00Z", DateTimeOffset.UtcNow.AddDays(3).ToString("O")]);
                    break;
                default:
                    touch["value"] = new[] { -1m, -0.01m, 10_000_000_000_000_000m }[random.Next(3)];
                    break;
            }
        }

        return touch;
    }

    private static Dictionary<string, object?> ValidTouch(Random random, int caseNumber, int index) => new()
    {
        ["eventId"] = $"fz-e-{caseNumber}-{index}",
        ["customerId"] = CustomerIds[random.Next(CustomerIds.Length)],
        ["action"] = "DemoDelivered",
        ["channel"] = "Web",
        ["occurredAt"] = "2026-12-01T10:00:00Z",
        ["value"] = 5m,
    };

    private static Dictionary<string, object?> FutureTouch(int caseNumber, int index) => new()
    {
        ["eventId"] = $"fz-e-{caseNumber}-{index}",
        ["customerId"] = CustomerIds[0],
        ["action"] = "DemoDelivered",
        ["channel"] = "Web",
        ["occurredAt"] = "2099-01-01T00:00:00Z",
    };

    /// <summary>Removes <paramref name="field"/> or sets it to one of <paramref name="badValues"/>.</summary>
    private static Dictionary<string, object?> Without(Random random, Dictionary<string, object?> item, string field, string[] badValues)
    {
        if (badValues.Length == 0 || random.Next(2) == 0)
        {
            item.Remove(field);
        }
        else
        {
            item[field] = badValues[random.Next(badValues.Length)];
        }

        return item;
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "{}()[]:$@!\"\\ \n\t#.,=|&abcdefxyzQ0123456789_-é漢\u0000\u200B";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static MalformedRequest Json(int caseNumber, string kind, object body, int items) =>
        new(caseNumber, kind, HttpMethod.Post, "/graphql", "application/json", JsonSerializer.SerializeToUtf8Bytes(body), items);
}
