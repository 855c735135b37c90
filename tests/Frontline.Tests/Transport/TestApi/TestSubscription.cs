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

        Field<NonNullGraphType<StringGraphType>, string>("broken")
            .Description("A source stream that fails like a bug would.")
            .ResolveStream(_ => new FailingObservable());
    }
}

/// <summary>An event source that fails as soon as it is subscribed to.</summary>
internal sealed class FailingObservable : IObservable<string>
{
    public IDisposable Subscribe(IObserver<string> observer)
    {
        observer.OnError(new InvalidOperationException(TestQuery.SecretDetail));
        return new CancellationTokenSource();
    }
}
