using Orleans.Serialization;

namespace Frontline.Silo.Hosting;

/// <summary>
/// Lets database failures cross a silo boundary as what they are. Orleans serializes exceptions by type only for
/// namespaces it knows (Microsoft, System, Azure); an <c>Npgsql</c> exception thrown in a grain on another silo would
/// otherwise reach the caller as a serialization failure with no trace of the database, and the GraphQL layer could
/// not tell clients to retry (<c>UNAVAILABLE</c>) instead of reporting a bug (<c>INTERNAL</c>).
/// </summary>
/// <remarks>
/// What crosses is the type, message, stack and inner exceptions, not the driver's own fields: on the far side a
/// <c>PostgresException</c> has no <c>SqlState</c> and its <c>IsTransient</c> reads false. Decide by type there
/// (<c>TransientFailures</c> does), or read those fields on the silo that caught the exception.
/// </remarks>
public static class StorageFailureSerialization
{
    /// <summary>Namespace of the PostgreSQL driver's exceptions.</summary>
    public const string NpgsqlNamespace = "Npgsql";

    /// <summary>Adds the driver's namespace to the exception types Orleans carries between silos and clients.</summary>
    public static IServiceCollection AddStorageFailureSerialization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(NpgsqlNamespace));
        return services;
    }
}
