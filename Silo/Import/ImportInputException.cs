namespace Frontline.Silo.Import;

/// <summary>An input file that cannot be read at all (missing, or missing a column); unlike a bad row it stops the run.</summary>
public sealed class ImportInputException(string message) : Exception(message);
