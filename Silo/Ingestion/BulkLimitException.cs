namespace Frontline.Silo.Ingestion;

/// <summary>A bulk request over a documented limit; answered 413 and nothing is recorded.</summary>
public sealed class BulkLimitException(string message) : Exception(message);
