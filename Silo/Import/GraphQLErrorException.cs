namespace Frontline.Silo.Import;

/// <summary>The server answered, but with GraphQL errors (or without the expected result) instead of an ingest result.</summary>
public sealed class GraphQLErrorException(string message) : Exception(message);
