using Frontline.Abstractions.Common;

namespace Frontline.Silo.Ingestion;

/// <summary>One refused NDJSON line: its 1-based line number, the field at fault, why, and the error code (<c>VALIDATION</c> unless the rule said otherwise).</summary>
public sealed record BulkRejection(int Line, string Field, string Reason, string Code = ErrorCodes.Validation);
