namespace Frontline.Silo.Storage.Postgres;

/// <summary>One versioned schema script, <c>V&lt;version&gt;__&lt;name&gt;.sql</c>, embedded in this assembly.</summary>
/// <param name="Version">Position in the order of application, from 1, without gaps.</param>
/// <param name="Name">The part of the file name after the double underscore.</param>
/// <param name="Sql">The script, run as one batch inside the migration's transaction.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);
