using Frontline.GraphQL.Schema;
using Npgsql;
using Orleans.Runtime;

namespace Frontline.Tests.GraphQLSchema;

public sealed class TransientFailuresTests
{
    public static TheoryData<Exception, bool> Cases() => new()
    {
        { new TimeoutException("grain call timed out"), true },
        { new NpgsqlException("connection refused"), true },
        { new SiloUnavailableException("silo died"), true },
        { new InvalidOperationException("storage write failed", new NpgsqlException("connection reset")), true },
        { new AggregateException(new ArgumentException("bad"), new TimeoutException("slow")), true },
        { new InvalidOperationException("a bug"), false },
        { new ArgumentException("bad argument"), false },
        { new AggregateException(new ArgumentException("bad"), new NullReferenceException()), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsTransient_Exception_TrueOnlyForInfrastructureFailures(Exception exception, bool transient)
        => Assert.Equal(transient, TransientFailures.IsTransient(exception));

    [Fact]
    public void IsTransient_Null_False() => Assert.False(TransientFailures.IsTransient(null));
}
