namespace Frontline.Silo.Import;

/// <summary>One batch mutation of the server's schema: its root field and the document that calls it with <c>$input</c>.</summary>
/// <param name="Field">Root mutation field, e.g. <c>registerUnits</c>; its result is read from <c>data.{Field}</c>.</param>
/// <param name="Document">The GraphQL document.</param>
public sealed record IngestMutation(string Field, string Document);
