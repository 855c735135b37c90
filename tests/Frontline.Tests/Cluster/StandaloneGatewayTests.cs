using Frontline.Tests.Infrastructure;
using Npgsql;

namespace Frontline.Tests.Cluster;

/// <summary>
/// The standalone gateway (<c>--Frontline:Role gateway</c>): an Orleans client that hosts no grains, serving GraphQL
/// and its subscriptions against a 2-silo cluster.
/// </summary>
public sealed class StandaloneGatewayTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every unit grain lives on a silo, never on the gateway; escalations caused by mutations sent to a silo or to the
    /// gateway reach a subscriber connected to the gateway through the cluster's stream provider.
    /// </summary>
    [Fact]
    public async Task EscalationRaised_SubscriberOnGateway_ReceivesEscalationsRaisedOnTheSilos()
    {
        await using var cluster = await SiloCluster.StartAsync(database.ConnectionString);
        await using var gateway = await cluster.StartGatewayAsync();
        Assert.Equal(2L, await ActiveSilosAsync());

        using var viaSilo = new GraphQLHttpClient(cluster.A.BaseAddress);
        using var viaGateway = new GraphQLHttpClient(gateway.BaseAddress);
        var socket = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var missing = new List<string>();
        for (var u = 0; u < 4; u++)
        {
            // Half the escalations are caused through the gateway, half through a silo.
            var writer = u % 2 == 0 ? viaGateway : viaSilo;
            var unit = await writer.NewUnitAsync();
            await using var subscriber = await NodeSubscriptionClient.StartAsync(
                socket, "subscription($u: ID!) { escalationRaised(unitId: $u) { id opportunityId unitId } }", new { u = unit }, count: 10, Timeout);
            await subscriber.WaitReadyAsync(Timeout);

            // "ready" means the subscribe message left the client, not that the gateway attached the stream: raise
            // escalations until one arrives, as the other subscription tests do.
            var opened = new List<string>();
            (string? Unit, string? Opportunity) received = (null, null);
            for (var attempt = 0; attempt < 8 && received.Unit is null; attempt++)
            {
                var opportunity = await writer.NewOpportunityAsync(unit);
                opened.Add(opportunity);
                for (var i = 0; i < 3; i++)
                {
                    await writer.StallAsync(opportunity);
                }

                try
                {
                    var escalation = (await subscriber.NextResultAsync(TimeSpan.FromSeconds(3))).Payload.GetProperty("data").GetProperty("escalationRaised");
                    received = (escalation.GetProperty("unitId").GetString(), escalation.GetProperty("opportunityId").GetString());
                }
                catch (TimeoutException)
                {
                }
            }

            if (received.Unit != unit || !opened.Contains(received.Opportunity!))
            {
                missing.Add($"{unit} (got {received}): {subscriber.StandardError}");
            }

            // The gateway also reads what the silos hold.
            var read = await viaGateway.DataAsync("query($u: ID!) { unit(id: $u) { escalations(open: true) { opportunityId } } }", new { u = unit });
            Assert.Equal(opened.Order(), read.GetProperty("unit").GetProperty("escalations").EnumerateArray().Select(e => e.GetProperty("opportunityId").GetString()!).Order());
        }

        Assert.True(missing.Count == 0, "no escalation reached the gateway's subscriber for: " + string.Join("; ", missing));

        // Still two silos: the gateway joined as a client, not as a member.
        Assert.Equal(2L, await ActiveSilosAsync());
    }

    /// <summary>
    /// A silo leaving (SIGTERM) must not silence the gateway's subscriptions: the stream rendezvous of some of six units
    /// lived on it (placement is random), and their subscriber lists must survive it (they are kept in PostgreSQL).
    /// </summary>
    [Fact]
    public async Task EscalationRaised_SiloLeavesAfterSubscribing_GatewaySubscribersStillReceive()
    {
        // A database of its own: the class's other cluster leaves its rows in the shared one.
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await SiloLeavesAsync(connectionString);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task SiloLeavesAsync(string connectionString)
    {
        await using var cluster = await SiloCluster.StartAsync(connectionString);
        await using var gateway = await cluster.StartGatewayAsync();
        using var viaSilo = new GraphQLHttpClient(cluster.A.BaseAddress);
        var socket = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        var subscribers = new List<(string Unit, NodeSubscriptionClient Client)>();
        try
        {
            for (var u = 0; u < 6; u++)
            {
                var unit = await viaSilo.NewUnitAsync();
                var client = await NodeSubscriptionClient.StartAsync(
                    socket, "subscription($u: ID!) { escalationRaised(unitId: $u) { opportunityId unitId } }", new { u = unit }, count: 20, Timeout);
                subscribers.Add((unit, client));
                await client.WaitReadyAsync(Timeout);
                Assert.True(await ReceivesAnEscalationAsync(viaSilo, unit, client), $"{unit}: no escalation before the silo left: {client.StandardError}");
            }

            await cluster.B.StopAsync();

            var silent = new List<string>();
            foreach (var (unit, client) in subscribers)
            {
                if (!await ReceivesAnEscalationAsync(viaSilo, unit, client))
                {
                    silent.Add(unit);
                }
            }

            Assert.True(silent.Count == 0, "subscriptions went silent after silo B left: " + string.Join(", ", silent));
        }
        finally
        {
            foreach (var (_, client) in subscribers)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Raises escalations of <paramref name="unit"/> (three stalled follow-ups each) until <paramref name="client"/> reports one of them.</summary>
    private static async Task<bool> ReceivesAnEscalationAsync(GraphQLHttpClient writer, string unit, NodeSubscriptionClient client)
    {
        var opened = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            try
            {
                var opportunity = await writer.NewOpportunityAsync(unit);
                opened.Add(opportunity);
                for (var i = 0; i < 3; i++)
                {
                    await writer.StallAsync(opportunity);
                }
            }
            catch (Xunit.Sdk.XunitException)
            {
                // Right after a silo leaves, a call may still meet it (an UNAVAILABLE error fails DataAsync's check);
                // the next attempt goes to a live one.
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            try
            {
                var escalation = (await client.NextResultAsync(TimeSpan.FromSeconds(5))).Payload.GetProperty("data").GetProperty("escalationRaised");
                if (escalation.GetProperty("unitId").GetString() == unit && opened.Contains(escalation.GetProperty("opportunityId").GetString()!))
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
            }
        }

        return false;
    }

    private async Task<object?> ActiveSilosAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = 'frontline' AND status = 3", connection);
        return await command.ExecuteScalarAsync();
    }
}
