using System.Text.Json;
using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>
/// The role x operation matrix over HTTP against a real server: every role tries every operation on its own and on
/// foreign resources; allowed ones answer data, denied ones answer FORBIDDEN with no data and change nothing.
/// </summary>
[Collection(SecurityServerCollection.Name)]
public sealed class HttpAccessMatrixTests(SecurityServerFixture fixture)
{
    private const string Hq = FrontlineRoles.Hq, Lead = FrontlineRoles.UnitLead, Member = FrontlineRoles.UnitMember,
        Customer = FrontlineRoles.Customer, Integrator = FrontlineRoles.Integrator;

    /// <summary>Operation name, the root field it calls, and the roles allowed; every other role must be refused.</summary>
    private static readonly (string Operation, string Field, string[] Allowed)[] Table =
    [
        ("units", "units", [Hq, Lead, Member]),
        ("ownUnit", "unit", [Hq, Lead, Member]),
        ("otherUnit", "unit", [Hq]),
        ("ownCustomer", "customer", [Hq, Lead, Member, Customer]),
        ("otherCustomer", "customer", [Hq]),
        ("missingCustomer", "customer", [Hq]),
        ("ownOpportunity", "opportunity", [Hq, Lead, Member]),
        ("otherOpportunity", "opportunity", [Hq]),
        ("orgAttribution", "attribution", [Hq]),
        ("ownUnitAttribution", "attribution", [Hq, Lead, Member]),
        ("otherUnitHeatmap", "heatmap", [Hq]),
        ("ownUnitPathStats", "pathStats", [Hq, Lead, Member]),
        ("orgContentCombinations", "contentCombinations", [Hq]),
        ("auditLog", "auditLog", [Hq]),
        ("recordTouches", "recordTouches", [Hq, Integrator]),
        ("registerUnits", "registerUnits", [Hq, Integrator]),
        ("registerUnit", "registerUnit", [Hq, Integrator]),
        ("registerCustomers", "registerCustomers", [Hq, Integrator]),
        ("registerCustomer", "registerCustomer", [Hq, Integrator]),
        ("importOpportunities", "importOpportunities", [Hq, Integrator]),
        ("importPaths", "importPaths", [Hq, Integrator]),
        ("openOwnOpportunity", "openOpportunity", [Hq, Lead, Member]),
        ("openOtherOpportunity", "openOpportunity", [Hq]),
        ("followUpOwn", "logFollowUp", [Hq, Lead, Member]),
        ("followUpOther", "logFollowUp", [Hq]),
        ("closeOwn", "closeOpportunity", [Hq, Lead, Member]),
        ("closeOther", "closeOpportunity", [Hq]),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (operation, _, _) in Table)
        {
            foreach (var role in FrontlineRoles.All)
            {
                data.Add(operation, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_Role_AllowedOrForbiddenAsTheTableSays(string operation, string role)
    {
        var (_, field, allowed) = Table.Single(t => t.Operation == operation);
        var (query, variables, unchanged) = await BuildAsync(operation);
        using var client = fixture.ClientFor(role);

        var (status, body) = await client.PostAsync(query, variables);

        Assert.Equal(200, status);
        if (allowed.Contains(role))
        {
            Assert.False(body.TryGetProperty("errors", out var errors), $"{role} {operation}: {errors}");
            Assert.True(body.GetProperty("data").TryGetProperty(field, out _), body.ToString());
            return;
        }

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(AccessErrors.ForbiddenMessage, error.GetProperty("message").GetString());
        Assert.True(body.GetProperty("data").ValueKind == JsonValueKind.Null || body.GetProperty("data").GetProperty(field).ValueKind == JsonValueKind.Null, body.ToString());
        if (unchanged is not null)
        {
            await unchanged();
        }
    }

    [Fact]
    public async Task Units_UnitMember_SeesOnlyOwnUnit()
    {
        using var member = fixture.ClientFor(Member);

        var units = (await member.DataAsync("{ units { id } }")).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        var all = (await fixture.Hq.DataAsync("{ units { id } }")).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();

        Assert.Equal([fixture.North], units);
        Assert.Contains(fixture.South, all);
    }

    [Fact]
    public async Task ForeignAndMissing_UnitMember_AnswersAreIdentical()
    {
        using var member = fixture.ClientFor(Member);

        var (_, foreign) = await member.PostAsync("query($id: ID!) { customer(id: $id) { id } }", new { id = fixture.SouthCustomer });
        var (_, missing) = await member.PostAsync("query($id: ID!) { customer(id: $id) { id } }", new { id = "nobody-" + Guid.NewGuid().ToString("N") });
        var (_, foreignClose) = await member.PostAsync("mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }",
            new { c = new { opportunityId = fixture.SouthOpportunity, won = false } });
        var (_, missingClose) = await member.PostAsync("mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { stage } }",
            new { c = new { opportunityId = "none-" + Guid.NewGuid().ToString("N"), won = false } });

        Assert.Equal(foreign.ToString(), missing.ToString());
        Assert.Equal(foreignClose.ToString(), missingClose.ToString());
        Assert.Contains("FORBIDDEN", foreign.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenOpportunity_UnitMemberReusesForeignId_ForbiddenNotInvalidState()
    {
        // Opening with another unit's opportunity id under one's own unit used to answer INVALID_STATE "is already
        // open", which told a unit member that the foreign id exists.
        using var member = fixture.ClientFor(Member);
        const string open = "mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }";

        var (_, reused) = await member.PostAsync(open, new { o = new { id = fixture.SouthOpportunity, unitId = fixture.North, amount = 1 } });
        var (_, foreignUnit) = await member.PostAsync(open, new { o = new { id = fixture.SouthOpportunity, unitId = fixture.South, amount = 1 } });

        Assert.Equal("FORBIDDEN", reused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(foreignUnit.GetProperty("errors")[0].GetProperty("message").GetString(), reused.GetProperty("errors")[0].GetProperty("message").GetString());
        var south = await fixture.Hq.DataAsync("query($id: ID!) { opportunity(id: $id) { unitId } }", new { id = fixture.SouthOpportunity });
        Assert.Equal(fixture.South, south.GetProperty("opportunity").GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task ApiKey_Integrator_IngestsButReadsNothing()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", fixture.ApiKey);

        var ingest = await PostAsync(http, "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }", new { t = new[] { Touch(fixture.NorthCustomer) } });
        var read = await PostAsync(http, "{ units { id } }", null);

        Assert.Equal(1, ingest.GetProperty("data").GetProperty("recordTouches").GetProperty("accepted").GetInt32());
        Assert.Equal("FORBIDDEN", read.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string query, object? variables)
    {
        using var response = await http.PostAsync("/graphql", System.Net.Http.Json.JsonContent.Create(new { query, variables }));
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static object Touch(string customer, string? eventId = null) => new
    {
        eventId = eventId ?? "sec-" + Guid.NewGuid().ToString("N"),
        customerId = customer,
        action = "ContentViewed",
        channel = "Web",
        occurredAt = "2026-11-01T10:00:00Z",
    };

    private static string Fresh(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The document and variables of an operation, and for writes a check (as HQ) that a refused call changed nothing.</summary>
    private async Task<(string Query, object? Variables, Func<Task>? Unchanged)> BuildAsync(string operation)
    {
        var f = fixture;
        switch (operation)
        {
            case "units": return ("{ units { id } }", null, null);
            case "ownUnit": return ("query($id: ID!) { unit(id: $id) { id } }", new { id = f.North }, null);
            case "otherUnit": return ("query($id: ID!) { unit(id: $id) { id } }", new { id = f.South }, null);
            case "ownCustomer": return ("query($id: ID!) { customer(id: $id) { id unitId } }", new { id = f.NorthCustomer }, null);
            case "otherCustomer": return ("query($id: ID!) { customer(id: $id) { id unitId } }", new { id = f.SouthCustomer }, null);
            case "missingCustomer": return ("query($id: ID!) { customer(id: $id) { id } }", new { id = Fresh("nobody") }, null);
            case "ownOpportunity": return ("query($id: ID!) { opportunity(id: $id) { id stage } }", new { id = f.NorthOpportunity }, null);
            case "otherOpportunity": return ("query($id: ID!) { opportunity(id: $id) { id stage } }", new { id = f.SouthOpportunity }, null);
            case "orgAttribution": return ("{ attribution(scope: \"org\") { conversions } }", null, null);
            case "ownUnitAttribution": return ("query($s: String!) { attribution(scope: $s) { conversions } }", new { s = "unit/" + f.North }, null);
            case "otherUnitHeatmap": return ("query($s: String!) { heatmap(scope: $s) { key } }", new { s = "unit/" + f.South }, null);
            case "ownUnitPathStats": return ("query($s: String!) { pathStats(scope: $s) { journeys } }", new { s = "unit/" + f.North }, null);
            case "orgContentCombinations": return ("{ contentCombinations(scope: \"org\") { support } }", null, null);
            case "auditLog": return ("{ auditLog(first: 5) { totalCount } }", null, null);
            case "recordTouches":
            {
                var eventId = Fresh("sec-touch");
                return ("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }", new { t = new[] { Touch(f.NorthCustomer, eventId) } },
                    async () =>
                    {
                        // Not a duplicate for HQ: the refused call stored nothing.
                        var again = await f.Hq.DataAsync("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates } }", new { t = new[] { Touch(f.NorthCustomer, eventId) } });
                        Assert.Equal(1, again.GetProperty("recordTouches").GetProperty("accepted").GetInt32());
                    });
            }

            case "registerUnits":
            {
                var unit = Fresh("sec-unit");
                return ("mutation($u: [RegisterUnitInput!]!) { registerUnits(input: $u) { accepted } }",
                    new { u = new[] { new { id = unit, name = unit, region = "East", members = Array.Empty<object>() } } }, () => AssertNoUnitAsync(unit));
            }

            case "registerUnit":
            {
                var unit = Fresh("sec-unit");
                return ("mutation($u: RegisterUnitInput!) { registerUnit(input: $u) { id } }",
                    new { u = new { id = unit, name = unit, region = "East", members = Array.Empty<object>() } }, () => AssertNoUnitAsync(unit));
            }

            case "registerCustomers":
            {
                var customer = Fresh("sec-cust");
                return ("mutation($c: [RegisterCustomerInput!]!) { registerCustomers(input: $c) { accepted } }",
                    new { c = new[] { new { id = customer, segment = "B2C" } } }, () => AssertNoCustomerAsync(customer));
            }

            case "registerCustomer":
            {
                var customer = Fresh("sec-cust");
                return ("mutation($c: RegisterCustomerInput!) { registerCustomer(input: $c) { id } }",
                    new { c = new { id = customer, segment = "B2C" } }, () => AssertNoCustomerAsync(customer));
            }

            case "importOpportunities":
            {
                var opportunity = Fresh("sec-opp");
                return ("mutation($o: [ImportOpportunityInput!]!) { importOpportunities(input: $o) { accepted } }",
                    new { o = new[] { new { id = opportunity, unitId = f.North, stage = "PROSPECTING", amount = 10 } } }, () => AssertNoOpportunityAsync(opportunity));
            }

            case "importPaths":
            {
                var scope = Fresh("paths/sec");
                return ("mutation($s: String!, $p: [PathInput!]!) { importPaths(scope: $s, paths: $p) }",
                    new { s = scope, p = new[] { new { path = "Web > Email", conversions = 1.0, value = 5.0, nulls = 0.0 } } },
                    async () =>
                    {
                        var stats = await f.Hq.DataAsync("query($s: String!) { pathStats(scope: $s) { journeys } }", new { s = scope });
                        Assert.Equal(0, stats.GetProperty("pathStats").GetProperty("journeys").GetInt32());
                    });
            }

            case "openOwnOpportunity":
            case "openOtherOpportunity":
            {
                var opportunity = Fresh("sec-opp");
                var unit = operation == "openOwnOpportunity" ? f.North : f.South;
                return ("mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }",
                    new { o = new { id = opportunity, unitId = unit, stage = "ENGAGING", amount = 10 } }, () => AssertNoOpportunityAsync(opportunity));
            }

            case "followUpOwn":
            case "followUpOther":
            {
                var opportunity = await f.Hq.NewOpportunityAsync(operation == "followUpOwn" ? f.North : f.South);
                return ("mutation($u: LogFollowUpInput!) { logFollowUp(input: $u) { id } }",
                    new { u = new { opportunityId = opportunity, progressed = true, note = "call" } },
                    async () =>
                    {
                        var read = await f.Hq.DataAsync("query($id: ID!) { opportunity(id: $id) { followUps { at } } }", new { id = opportunity });
                        Assert.Equal(0, read.GetProperty("opportunity").GetProperty("followUps").GetArrayLength());
                    });
            }

            case "closeOwn":
            case "closeOther":
            {
                var opportunity = await f.Hq.NewOpportunityAsync(operation == "closeOwn" ? f.North : f.South);
                return ("mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { id } }",
                    new { c = new { opportunityId = opportunity, won = false } },
                    async () =>
                    {
                        var read = await f.Hq.DataAsync("query($id: ID!) { opportunity(id: $id) { stage } }", new { id = opportunity });
                        Assert.Equal("ENGAGING", read.GetProperty("opportunity").GetProperty("stage").GetString());
                    });
            }

            default: throw new ArgumentOutOfRangeException(nameof(operation), operation, "not in the table");
        }
    }

    private async Task AssertNoUnitAsync(string unit) =>
        Assert.Equal(JsonValueKind.Null, (await fixture.Hq.DataAsync("query($id: ID!) { unit(id: $id) { id } }", new { id = unit })).GetProperty("unit").ValueKind);

    private async Task AssertNoCustomerAsync(string customer) =>
        Assert.Equal(JsonValueKind.Null, (await fixture.Hq.DataAsync("query($id: ID!) { customer(id: $id) { id } }", new { id = customer })).GetProperty("customer").ValueKind);

    private async Task AssertNoOpportunityAsync(string opportunity) =>
        Assert.Equal(JsonValueKind.Null, (await fixture.Hq.DataAsync("query($id: ID!) { opportunity(id: $id) { id } }", new { id = opportunity })).GetProperty("opportunity").ValueKind);
}
