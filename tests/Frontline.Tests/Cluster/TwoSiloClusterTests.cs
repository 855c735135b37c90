using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>A 2-silo cluster on PostgreSQL serves the GraphQL contract on both silos' HTTP ports.</summary>
public sealed class TwoSiloClusterTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Membership_TwoSilosStarted_BothActiveInTheTable()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = 'frontline' AND status = 3", connection);

        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task GraphQL_WrittenThroughSiloA_ReadThroughSiloB()
    {
        using var a = new GraphQLHttpClient(fixture.Cluster.A.BaseAddress);
        using var b = new GraphQLHttpClient(fixture.Cluster.B.BaseAddress);
        var unit = await a.NewUnitAsync();
        var opportunity = await a.NewOpportunityAsync(unit, "cluster-customer");
        Assert.Equal(1, await a.StallAsync(opportunity));

        var read = await b.DataAsync(
            "query($u: ID!, $o: ID!) { unit(id: $u) { name region openCount opportunityCount members { name role } } opportunity(id: $o) { stage unitId customerId amount stalledStreak } units { id } }",
            new { u = unit, o = opportunity });

        var unitRead = read.GetProperty("unit");
        Assert.Equal(("Unit " + unit, "East", 1, 1), (unitRead.GetProperty("name").GetString(), unitRead.GetProperty("region").GetString(), unitRead.GetProperty("openCount").GetInt32(), unitRead.GetProperty("opportunityCount").GetInt32()));
        Assert.Equal(["Ann", "Bo"], unitRead.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var opportunityRead = read.GetProperty("opportunity");
        Assert.Equal(("ENGAGING", unit, "cluster-customer", 1), (opportunityRead.GetProperty("stage").GetString(), opportunityRead.GetProperty("unitId").GetString(), opportunityRead.GetProperty("customerId").GetString(), opportunityRead.GetProperty("stalledStreak").GetInt32()));
        Assert.Contains(read.GetProperty("units").EnumerateArray(), u => u.GetProperty("id").GetString() == unit);
    }

    /// <summary>
    /// Units are placed on either silo; with four of them, escalations raised on silo A's side of the cluster must
    /// reach subscribers connected to silo B whichever silo hosts each unit grain.
    /// </summary>
    [Fact]
    public async Task EscalationRaised_UnitsAcrossTheCluster_SubscriberOnSiloBReceivesEach()
    {
        using var a = new GraphQLHttpClient(fixture.Cluster.A.BaseAddress);
        var socket = new UriBuilder(fixture.Cluster.B.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var missing = new List<string>();
        for (var u = 0; u < 4; u++)
        {
            var unit = await a.NewUnitAsync();
            await using var subscriber = await NodeSubscriptionClient.StartAsync(
                socket, "subscription($u: ID!) { escalationRaised(unitId: $u) { id opportunityId unitId } }", new { u = unit }, count: 10, Timeout);
            await subscriber.WaitReadyAsync(Timeout);

            // "ready" means the subscribe message left the client, not that the server attached the stream: raise
            // escalations until one arrives (as the embedded subscription test does).
            string? received = null;
            for (var attempt = 0; attempt < 8 && received is null; attempt++)
            {
                var opportunity = await a.NewOpportunityAsync(unit);
                for (var i = 0; i < 3; i++)
                {
                    await a.StallAsync(opportunity);
                }

                try
                {
                    var result = await subscriber.NextResultAsync(TimeSpan.FromSeconds(3));
                    received = result.Payload.GetProperty("data").GetProperty("escalationRaised").GetProperty("unitId").GetString();
                }
                catch (TimeoutException)
                {
                }
            }

            if (received != unit)
            {
                missing.Add($"{unit}: {subscriber.StandardError}");
            }
        }

        Assert.True(missing.Count == 0, "no escalation reached silo B's subscriber for: " + string.Join("; ", missing));
    }
}
