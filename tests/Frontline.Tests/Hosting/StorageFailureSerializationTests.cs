using Frontline.GraphQL.Schema;
using Frontline.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace Frontline.Tests.Hosting;

/// <summary>
/// A database failure in a grain on another silo travels through Orleans' serializer before the GraphQL layer sees it;
/// it must arrive as the driver's exception, or the caller is told INTERNAL where it should be told to retry.
/// </summary>
public sealed class StorageFailureSerializationTests
{
    public static TheoryData<Exception> DatabaseFailures() => new()
    {
        // What a query in flight meets when PostgreSQL shuts down: neither wraps a System exception that would say so.
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
    };

    [Theory]
    [MemberData(nameof(DatabaseFailures))]
    public void RoundTrip_WithStorageFailureSerialization_KeepsTypeAndStaysTransient(Exception failure)
    {
        using var services = new ServiceCollection().AddSerializer().AddStorageFailureSerialization().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray(failure));

        Assert.IsType(failure.GetType(), received);
        Assert.Equal(failure.Message, received.Message);
        Assert.True(TransientFailures.IsTransient(received));
    }

    [Fact]
    public void RoundTrip_WithoutIt_DriverExceptionCannotCross()
    {
        // Why the registration exists: Orleans refuses exception types outside the namespaces it knows.
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(new NpgsqlException("connection reset")));
    }
}
