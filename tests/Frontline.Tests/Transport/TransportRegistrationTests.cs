using Frontline.GraphQL.Transport;
using Frontline.Tests.Transport.TestApi;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Transport;

public sealed class TransportRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddGraphQLTransport_EitherOrderWithSchemaRegistration_SerializerWritesTransportCodes(bool transportFirst)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (transportFirst)
        {
            services.AddGraphQLTransport();
        }

        services.AddGraphQL(graphQL => graphQL.AddSchema<TestSchema>().AddGraphTypes(typeof(TestSchema).Assembly));
        if (!transportFirst)
        {
            services.AddGraphQLTransport();
        }

        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();

        var json = serializer.Serialize(new ExecutionResult(new UnhandledError("Error trying to resolve field 'x'.", new InvalidOperationException("secret"))));

        Assert.Equal("""{"errors":[{"message":"An internal error occurred.","extensions":{"code":"INTERNAL"}}]}""", json);
    }

    [Fact]
    public void Serialize_ExecutionErrorWithCodeAndData_KeepsCodeAndData()
    {
        var services = new ServiceCollection();
        services.AddGraphQLTransport();
        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
        var error = new ExecutionError("Bad amount.", new Dictionary<string, object?> { ["field"] = "amount" }) { Code = "VALIDATION" };

        var json = serializer.Serialize(new ExecutionResult(error));

        Assert.Equal("""{"errors":[{"message":"Bad amount.","extensions":{"code":"VALIDATION","data":{"field":"amount"}}}]}""", json);
    }
}
