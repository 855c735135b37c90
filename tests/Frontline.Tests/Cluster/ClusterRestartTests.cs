using System.Diagnostics;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Cluster;

/// <summary>A full cluster restart on PostgreSQL: state is kept.</summary>
public sealed class ClusterRestartTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task FullClusterRestart_NewSilosOnSameDatabase_StateSurvives()
    {
        string unit, opportunity, customer = "restart-customer-" + Guid.NewGuid().ToString("N")[..8];
        await using (var first = await SiloCluster.StartAsync(database.ConnectionString))
        {
            using var a = new GraphQLHttpClient(first.A.BaseAddress);
            using var b = new GraphQLHttpClient(first.B.BaseAddress);
            unit = await a.NewUnitAsync();
            opportunity = await b.NewOpportunityAsync(unit, customer);
            for (var i = 0; i < 3; i++)
            {
                await a.StallAsync(opportunity);
            }

            var touches = await b.DataAsync(
                "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted } }",
                new { t = new[] { new { eventId = "cr-1", customerId = customer, action = "DemoDelivered", channel = "Field", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } });
            Assert.Equal(1, touches.GetProperty("recordTouches").GetProperty("accepted").GetInt32());

            await first.StopAsync();
        }

        await using var second = await SiloCluster.StartAsync(database.ConnectionString);
        foreach (var silo in second.Silos)
        {
            using var client = new GraphQLHttpClient(silo.BaseAddress);
            var after = await client.DataAsync(
                "query($u: ID!, $o: ID!, $c: ID!) { unit(id: $u) { opportunityCount openCount escalations { id } } opportunity(id: $o) { stage stalledStreak } customer(id: $c) { touchCount openEscalationIds } }",
                new { u = unit, o = opportunity, c = customer });

            Assert.Equal((1, 1), (after.GetProperty("unit").GetProperty("opportunityCount").GetInt32(), after.GetProperty("unit").GetProperty("openCount").GetInt32()));
            Assert.Equal(opportunity + "#1", Assert.Single(after.GetProperty("unit").GetProperty("escalations").EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal(("ENGAGING", 3), (after.GetProperty("opportunity").GetProperty("stage").GetString(), after.GetProperty("opportunity").GetProperty("stalledStreak").GetInt32()));
            Assert.Equal(1, after.GetProperty("customer").GetProperty("touchCount").GetInt32());
            Assert.Equal(opportunity + "#1", Assert.Single(after.GetProperty("customer").GetProperty("openEscalationIds").EnumerateArray()).GetString());
        }

        using var again = new GraphQLHttpClient(second.B.BaseAddress);
        var duplicate = await again.DataAsync(
            "mutation($t: [TouchInput!]!) { recordTouches(input: $t) { accepted duplicates } }",
            new { t = new[] { new { eventId = "cr-1", customerId = customer, action = "DemoDelivered", channel = "Field", occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") } } });
        Assert.Equal(1, duplicate.GetProperty("recordTouches").GetProperty("duplicates").GetInt32());
    }
}

/// <summary>
/// Reminders kept in PostgreSQL fire after a full cluster restart. Real time, with the reminder minimum lowered to
/// five seconds through <c>Frontline:Reminders:MinimumReminderPeriod</c> (Orleans' default is a minute).
/// </summary>
public sealed class ClusterReminderTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task FollowUpReminder_FullClusterRestart_OpportunityBecomesOverdue()
    {
        string[] fiveSeconds = ["--Frontline:FollowUp:Period", "00:00:05", "--Frontline:Reminders:MinimumReminderPeriod", "00:00:05"];
        var clock = Stopwatch.StartNew();
        string opportunity;
        await using (var first = await SiloCluster.StartAsync(database.ConnectionString, 2, fiveSeconds))
        {
            using var a = new GraphQLHttpClient(first.A.BaseAddress);
            var unit = await a.NewUnitAsync();
            opportunity = await a.NewOpportunityAsync(unit);
            clock.Restart();
            await first.StopAsync();
        }

        await using var second = await SiloCluster.StartAsync(database.ConnectionString, 2, fiveSeconds);
        var restartedAt = DateTimeOffset.UtcNow;
        using var b = new GraphQLHttpClient(second.B.BaseAddress);
        var overdue = 0;
        while (overdue == 0 && clock.Elapsed < Deadline)
        {
            // Waiting for a reminder of another process in real time: there is no clock to fake across processes.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var read = await b.DataAsync("query($o: ID!) { opportunity(id: $o) { followUps { at overdue } } }", new { o = opportunity });

            // Overdue entries are stamped with the period they close; one after the restart comes from a tick of the new cluster.
            overdue = read.GetProperty("opportunity").GetProperty("followUps").EnumerateArray()
                .Count(f => f.GetProperty("overdue").GetBoolean() && f.GetProperty("at").GetDateTimeOffset() > restartedAt);
        }

        Assert.True(overdue > 0, $"no overdue follow-up after the restart {clock.Elapsed.TotalSeconds:F0} s after opening, with a five-second period");
    }
}
