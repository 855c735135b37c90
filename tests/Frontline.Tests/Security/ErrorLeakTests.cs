using Frontline.GraphQL.Transport;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Security;

/// <summary>What the serializer writes for errors that wrap internal exceptions: the code and message, nothing of the inner exception.</summary>
public sealed class ErrorLeakTests
{
    [Fact]
    public void Serialize_CodedErrorWrappingStorageFailure_NoInnerDataOrTypeNames()
    {
        var services = new ServiceCollection();
        services.AddGraphQLTransport();
        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
        var storage = new InvalidOperationException("relation \"storage\" does not exist");
        storage.Data["SqlState"] = "42P01";
        storage.Data["Statement"] = "SELECT payload FROM storage";

        var json = serializer.Serialize(new ExecutionResult(new ExecutionError("storage or cluster unavailable; retry the same batch", storage) { Code = "UNAVAILABLE" }));

        Assert.Equal("""{"errors":[{"message":"storage or cluster unavailable; retry the same batch","extensions":{"code":"UNAVAILABLE"}}]}""", json);
    }
}
