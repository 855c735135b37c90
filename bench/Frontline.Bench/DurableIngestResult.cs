namespace Frontline.Bench;

/// <summary>Part 4: the raw INSERT baseline and the HTTP bulk endpoint of one or more silo builds, on one PostgreSQL.</summary>
/// <param name="Events">Events each way stores.</param>
/// <param name="Customers">Customers they belong to.</param>
/// <param name="PostgresSettings">fsync and synchronous_commit of the server, as it reported them.</param>
/// <param name="Raw">The baseline: multi-row INSERTs from one connection.</param>
/// <param name="Http">The silo builds, through <c>POST /ingest/touches</c>.</param>
public sealed record DurableIngestResult(int Events, int Customers, string PostgresSettings, DurableIngestRow Raw, IReadOnlyList<DurableIngestRow> Http);
