namespace Frontline.Silo.Ingestion;

/// <summary>One refused NDJSON line: its 1-based line number, the field at fault and why.</summary>
public sealed record BulkRejection(int Line, string Field, string Reason);
