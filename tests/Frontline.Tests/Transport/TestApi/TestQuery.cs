using GraphQL;
using GraphQL.Types;

namespace Frontline.Tests.Transport.TestApi;

/// <summary>Queries covering a plain value, a coded rejection and an unexpected failure.</summary>
public sealed class TestQuery : ObjectGraphType
{
    public const string SecretDetail = "connection string Password=hunter2";

    public TestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello")
            .Description("Greets the given name.")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello {context.GetArgument<string?>("name") ?? "world"}");

        Field<StringGraphType>("customer")
            .Description("Always rejects the way Frontline resolvers reject: an ExecutionError with a code.")
            .Argument<NonNullGraphType<StringGraphType>>("id")
            .Resolve(context => throw new ExecutionError($"Customer {context.GetArgument<string>("id")} not found.")
            {
                Code = "NOT_FOUND",
                Extensions = new Dictionary<string, object?> { ["field"] = "id" },
            });

        Field<NonNullGraphType<TestNodeGraphType>>("tree")
            .Description("The root of an endless tree.")
            .Resolve(_ => 0);

        Field<NonNullGraphType<StringGraphType>>("slow")
            .Description("Answers after the given milliseconds, unless the request is cancelled first.")
            .Argument<NonNullGraphType<IntGraphType>>("ms")
            .ResolveAsync(async context =>
            {
                await Task.Delay(context.GetArgument<int>("ms"), context.CancellationToken);
                return "done";
            });

        Field<StringGraphType>("boom")
            .Description("Fails like a bug would.")
            .Resolve(_ => throw new InvalidOperationException(SecretDetail));
    }
}
