using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Frontline.Silo.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database to the newest version of Frontline's schema (the Orleans ADO.NET tables and query
/// texts, later our own tables). Scripts are embedded as <c>Schema/V&lt;n&gt;__&lt;name&gt;.sql</c>; the versions applied
/// are recorded in <c>frontline_schema_version</c>. Safe to run from several silos at once and any number of times.
/// </summary>
public static partial class PostgresSchema
{
    /// <summary>Table that records each applied version.</summary>
    public const string VersionTable = "frontline_schema_version";

    // An arbitrary constant: the key of the advisory lock every migrating process takes, so that concurrent
    // silo starts apply each script exactly once (the others wait, then find it recorded).
    private const long MigrationLockKey = 0x46726F6E746C696E; // "Frontlin"

    private const string ResourcePrefix = "Frontline.Silo.Storage.Postgres.Schema.";

    /// <summary>The embedded scripts in order of version.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } = LoadMigrations();

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Applies every script newer than the database's version, in order, in one transaction under an advisory lock,
    /// and returns the database's version afterwards. Nothing is applied if any script fails.
    /// </summary>
    public static async Task<int> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {VersionTable}
            (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, name) VALUES (@version, @name)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            current = migration.Version;
        }

        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    /// <summary>The database's schema version: 0 when it was never migrated.</summary>
    public static async Task<int> GetVersionAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", VersionTable);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? await CurrentVersionAsync(connection, transaction: null, cancellationToken)
            : 0;
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<SchemaMigration> LoadMigrations()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema script '{resource}' is not named V<version>__<name>.sql.");
            }

            migrations.Add(new SchemaMigration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // A gap or a duplicate means a script was renamed or lost; refusing is safer than guessing.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema scripts must be numbered 1, 2, ... without gaps; found version {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No schema scripts are embedded.");
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^V(?<version>[0-9]+)__(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
