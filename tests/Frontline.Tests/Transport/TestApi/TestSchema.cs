using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Transport.TestApi;

/// <summary>A tiny schema standing in for Frontline's real one: the transports must not care which it is.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<TestQuery>();
        Mutation = services.GetRequiredService<TestMutation>();
        Subscription = services.GetRequiredService<TestSubscription>();
    }
}
