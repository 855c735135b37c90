namespace Frontline.Silo.Import;

/// <summary>The server could not be reached, or answered with an HTTP failure, even after retries.</summary>
public sealed class ServerUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
