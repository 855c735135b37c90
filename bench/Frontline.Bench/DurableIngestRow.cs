namespace Frontline.Bench;

/// <summary>One way of making the same events durable, timed from the first statement or request to the last answer.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Events">Events made durable.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Retries">Requests answered 503 and sent again (HTTP only).</param>
/// <param name="ServerCpu">CPU time the silo process used meanwhile (HTTP only).</param>
/// <param name="Commits">Transactions the database committed meanwhile (<c>pg_stat_database.xact_commit</c>): where round trips go.</param>
/// <param name="Applied">
/// From the first request until every customer had applied every touch (the silo's <c>frontline_ingest_backlog</c> back
/// at 0), where customers apply bulk touches after the acknowledgement; null where they do it before.
/// </param>
public sealed record DurableIngestRow(string Name, int Events, TimeSpan Elapsed, int Retries, TimeSpan? ServerCpu, long Commits, TimeSpan? Applied = null)
{
    /// <summary>Events per second.</summary>
    public double Rate => Events / Elapsed.TotalSeconds;
}
