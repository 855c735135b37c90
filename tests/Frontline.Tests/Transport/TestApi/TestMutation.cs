using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Transport.TestApi;

/// <summary>A mutation that feeds the subscription.</summary>
public sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<StringGraphType>>("publish")
            .Description("Broadcasts a message to every messages subscription.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Resolve(context =>
            {
                // Resolved from RequestServices to prove the transport passes the request's services through.
                var text = context.GetArgument<string>("text");
                context.RequestServices!.GetRequiredService<TestMessageHub>().Publish(text);
                return text;
            });

        Field<NonNullGraphType<StringGraphType>>("slowly")
            .Description("Answers after the given milliseconds, unless the request is cancelled first.")
            .Argument<NonNullGraphType<IntGraphType>>("ms")
            .ResolveAsync(async context =>
            {
                await Task.Delay(context.GetArgument<int>("ms"), context.CancellationToken);
                return "done";
            });
    }
}
