using System.Text;
using System.Text.Json;
using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>The audit log: one entry per mutation or bulk request (refused ones too), readable by HQ a page at a time.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class AuditLogTests(SecurityServerFixture fixture)
{
    private const string Entries = """
        query($first: Int, $after: String) { auditLog(first: $first, after: $after) {
          totalCount edges { cursor node { at subject role operation target outcome detail } } pageInfo { hasNextPage endCursor } } }
        """;

    [Fact]
    public async Task Mutations_OfSeveralRoles_EachAuditedOnceWithOutcome()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var lead = new GraphQLHttpClient(fixture.Server.BaseAddress, TestTokens.For(FrontlineRoles.UnitLead, fixture.North, subject: "lead-audit"));
        using var integrator = new GraphQLHttpClient(fixture.Server.BaseAddress, TestTokens.For(FrontlineRoles.Integrator, subject: "feed-audit"));
        var opportunity = "audit-opp-" + Guid.NewGuid().ToString("N")[..8];
        await lead.DataAsync("mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }", new { o = new { id = opportunity, unitId = fixture.North, amount = 5 } });
        var refused = (await lead.PostAsync("mutation($c: CloseOpportunityInput!) { closeOpportunity(input: $c) { id } }", new { c = new { opportunityId = fixture.SouthOpportunity, won = true, value = 1 } })).Body;
        var touches = Enumerable.Range(0, 3).Select(i => new { eventId = $"audit-{opportunity}-{i}", customerId = fixture.NorthCustomer, action = "ContentViewed", channel = "Web", occurredAt = "2026-11-03T10:00:00Z" }).ToArray();
        await integrator.DataAsync("mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }", new { t = touches });
        var ndjson = string.Join("\n", touches.Select(t => JsonSerializer.Serialize(t with { eventId = t.eventId + "-bulk" }))) + "\nnot json\n";
        using var bulk = await integrator.Http.PostAsync("/ingest/touches", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(200, (int)bulk.StatusCode);

        var entries = (await fixture.Hq.DataAsync(Entries, new { first = 500 })).GetProperty("auditLog").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).Where(n => n.GetProperty("subject").GetString() is "lead-audit" or "feed-audit").ToList();

        Assert.Contains("FORBIDDEN", refused.ToString(), StringComparison.Ordinal);
        string Row(JsonElement n) => string.Join("|", new[] { "subject", "role", "operation", "target", "outcome", "detail" }.Select(p => n.GetProperty(p).ToString()));
        Assert.Equal(
            [
                "feed-audit|integrator|POST /ingest/touches||OK|accepted 3, duplicates 0, rejected 1",
                "feed-audit|integrator|recordTouches|3 items|OK|accepted 3, duplicates 0, rejected 0",
                $"lead-audit|unit-lead|closeOpportunity|{fixture.SouthOpportunity}|FORBIDDEN|",
                $"lead-audit|unit-lead|openOpportunity|{opportunity}|OK|",
            ],
            entries.Select(Row));
        Assert.All(entries, n => Assert.InRange(n.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5)));
    }

    [Fact]
    public async Task AuditLog_Pages_NewestFirstWithoutOverlap()
    {
        for (var i = 0; i < 3; i++)
        {
            await fixture.Hq.NewUnitAsync();
        }

        var first = (await fixture.Hq.DataAsync(Entries, new { first = 2 })).GetProperty("auditLog");
        var second = (await fixture.Hq.DataAsync(Entries, new { first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("auditLog");

        var cursors = first.GetProperty("edges").EnumerateArray().Concat(second.GetProperty("edges").EnumerateArray()).Select(e => long.Parse(e.GetProperty("cursor").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, cursors.Count);
        Assert.Equal(cursors.OrderDescending(), cursors);
        Assert.Equal(4, cursors.Distinct().Count());
        Assert.Equal(cursors[0] - 3, cursors[3]);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(first.GetProperty("totalCount").GetInt32() >= 3);
        var times = first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.True(times[0] >= times[1]);
    }
}
