using System.Globalization;
using System.Text;

namespace Frontline.Bench;

/// <summary>Part 4's markdown section, and keeping it in <c>bench/results.md</c> whichever parts a run measures.</summary>
public static class DurableIngestReport
{
    /// <summary>Heading that starts the section; a later run replaces everything from it to the next heading of its level.</summary>
    public const string Heading = "## 7. Durable ingest: POST /ingest/touches against raw INSERTs";

    /// <summary>Renders <paramref name="result"/> with the machine and load it ran under.</summary>
    public static string Render(MachineInfo machine, DurableIngestResult result, (string? Start, string? End) load)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (`--part ingest-durable`). Machine: {machine.Cores} cores, {machine.Cpu}, {machine.Memory} RAM, {machine.Runtime}, {machine.Os}; load average at start {load.Start ?? "n/a"}, at end {load.End ?? "n/a"}. {result.PostgresSettings}, the throwaway server of `scripts/postgres` on the same machine, a fresh database per measurement."));
        text.AppendLine();
        text.AppendLine(Invariant($"The same {result.Events:N0} touches ({result.Customers:N0} customers, {DurableIngest.TouchesPerCustomer} each, interleaved, in time order). Baseline: multi-row INSERTs of {DurableIngest.RawRowsPerStatement} rows into a plain table from one connection, each statement its own transaction. Silo: one cluster-profile silo process on that PostgreSQL, `POST /ingest/touches` with {DurableIngest.LinesPerRequest:N0} lines a request, {DurableIngest.Senders} requests in flight, timed from the first request to the last answer (every answer means durable); {DurableIngest.WarmupEvents:N0} events to other customers go first, untimed, and their customers finish applying them before timing starts. Ratio = silo events/s / raw events/s; the goal is at least 0.5. \"applied\": from the first request until the silo's customers had applied every touch (its `frontline_ingest_backlog` metric back at 0), with the rate that makes; a build whose customers apply before answering has none."));
        text.AppendLine();
        text.AppendLine("| way | events/s | wall | ratio to raw | applied (events/s, ratio) | 503s retried | database commits | silo CPU per 1k events |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| {result.Raw.Name} | {result.Raw.Rate:N0} | {result.Raw.Elapsed.TotalSeconds:0.0} s | 1.00x | - | - | {result.Raw.Commits:N0} | - |"));
        foreach (var row in result.Http)
        {
            var cpu = row.ServerCpu is { } c ? Invariant($"{c.TotalMilliseconds / (row.Events / 1000.0):0} ms") : "-";
            var applied = row.Applied is { } a ? Invariant($"{a.TotalSeconds:0.0} s ({row.Events / a.TotalSeconds:N0}/s, {row.Events / a.TotalSeconds / result.Raw.Rate:0.000}x)") : "-";
            text.AppendLine(Invariant($"| {row.Name} | {row.Rate:N0} | {row.Elapsed.TotalSeconds:0.0} s | {row.Rate / result.Raw.Rate:0.000}x | {applied} | {row.Retries} | {row.Commits:N0} | {cpu} |"));
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="results"/> with its part-4 section replaced by <paramref name="section"/> (or
    /// <paramref name="section"/> added before the notes, or at the end, when it has none).
    /// </summary>
    public static string Merge(string results, string section)
    {
        var start = results.IndexOf(Heading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = results.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            return results[..start] + section + (end < 0 ? "" : Environment.NewLine + results[(end + 1)..]);
        }

        var notes = results.IndexOf("## Notes", StringComparison.Ordinal);
        return notes < 0
            ? results.TrimEnd() + Environment.NewLine + Environment.NewLine + section
            : results[..notes] + section + Environment.NewLine + results[notes..];
    }

    /// <summary>The part-7 (durable ingest) section of <paramref name="results"/>, or null when it has none.</summary>
    public static string? Extract(string results)
    {
        var start = results.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = results.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? results[start..] : results[start..(end + 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
