using GraphQL.Types;

namespace Frontline.Tests.Transport.TestApi;

/// <summary>A node of an endless tree (its source is its depth), so tests can build documents of any depth and breadth.</summary>
public sealed class TestNodeGraphType : ObjectGraphType<int>
{
    public TestNodeGraphType()
    {
        Name = "Node";
        Field<NonNullGraphType<IntGraphType>>("depth").Description("How deep this node is; the root is 0.").Resolve(c => c.Source);
        Field<NonNullGraphType<TestNodeGraphType>>("child").Description("The next node down.").Resolve(c => c.Source + 1);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TestNodeGraphType>>>>("children")
            .Description("Two nodes down.")
            .Resolve(c => new[] { c.Source + 1, c.Source + 1 });
    }
}
