namespace Frontline.Silo.Ingestion;

/// <summary>The answer to a bulk ingest: lines applied, lines seen before, and refused lines.</summary>
public sealed record BulkIngestResponse(int Accepted, int Duplicates, IReadOnlyList<BulkRejection> Rejected);
