using Frontline.Abstractions.Attribution;

namespace Frontline.Tests.Infrastructure;

/// <summary>The few writes end-to-end tests repeat, as calls on a server's GraphQL endpoint with fresh ids.</summary>
public static class FrontlineApi
{
    /// <summary>Registers a unit with a fresh id and returns the id.</summary>
    public static async Task<string> NewUnitAsync(this GraphQLHttpClient graphQL)
    {
        var unit = "unit-" + Guid.NewGuid().ToString("N")[..12];
        await graphQL.DataAsync(
            "mutation($u: RegisterUnitInput!) { registerUnit(input: $u) { id } }",
            new { u = new { id = unit, name = "Unit " + unit, region = "East", members = new[] { new { name = "Ann", role = "lead" }, new { name = "Bo", role = "sales" } } } });
        return unit;
    }

    /// <summary>Opens an opportunity with a fresh id in <paramref name="unit"/> and returns the id.</summary>
    public static async Task<string> NewOpportunityAsync(this GraphQLHttpClient graphQL, string unit, string? customer = null)
    {
        var opportunity = "opp-" + Guid.NewGuid().ToString("N")[..12];
        await graphQL.DataAsync(
            "mutation($o: OpenOpportunityInput!) { openOpportunity(input: $o) { id } }",
            new { o = new { id = opportunity, unitId = unit, customerId = customer, stage = "ENGAGING", amount = 1000 } });
        return opportunity;
    }

    /// <summary>Logs a follow-up without progress; returns the opportunity's stalled streak afterwards.</summary>
    public static async Task<int> StallAsync(this GraphQLHttpClient graphQL, string opportunity)
    {
        var data = await graphQL.DataAsync(
            "mutation($f: LogFollowUpInput!) { logFollowUp(input: $f) { stalledStreak } }",
            new { f = new { opportunityId = opportunity, progressed = false, note = "no answer" } });
        return data.GetProperty("logFollowUp").GetProperty("stalledStreak").GetInt32();
    }

    /// <summary>Replaces the imported CHANNEL paths of <paramref name="scope"/>; returns how many paths it holds.</summary>
    public static async Task<int> ImportPathsAsync(this GraphQLHttpClient graphQL, string scope, IEnumerable<PathTally> paths)
    {
        var data = await graphQL.DataAsync(
            "mutation($s: String!, $p: [PathInput!]!) { importPaths(scope: $s, paths: $p) }",
            new { s = scope, p = paths.Select(p => new { path = string.Join(" > ", p.Path), conversions = p.Conversions, value = p.Value, nulls = p.Nulls }) });
        return data.GetProperty("importPaths").GetInt32();
    }

    /// <summary>The GraphQL enum value of a model: FirstTouch is FIRST_TOUCH, WShaped is W_SHAPED.</summary>
    public static string GraphQLName(this AttributionModel model) =>
        string.Concat(model.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
