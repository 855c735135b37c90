using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Transport.TestApi;

/// <summary>Streams what the publish mutation broadcasts.</summary>
public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<NonNullGraphType<StringGraphType>, string>("messages")
            .Description("Every published message, optionally prefixed.")
            .Argument<StringGraphType>("prefix")
            .Resolve(context => (context.GetArgument<string?>("prefix") ?? string.Empty) + (string)context.Source!)
            .ResolveStream(context => context.RequestServices!.GetRequiredService<TestMessageHub>());
    }
}
