using GraphQLParser.AST;

namespace Frontline.GraphQL.Transport;

/// <summary>
/// Cheap checks of a parsed document that run before GraphQL.NET validates it: how many selections it holds and how
/// long its chains of fragments spreading fragments are. Both are linear and recursion-free over fragments, so a
/// hostile document is refused before the validation rules that are superlinear (overlapping fields) or recurse per
/// fragment of a chain can spend minutes of CPU or overflow the stack.
/// </summary>
internal static class DocumentShape
{
    /// <summary>A message naming the exceeded limit, or null when the document is within both.</summary>
    public static string? Problem(GraphQLDocument document, int maxSelections, int maxFragmentDepth)
    {
        var selections = 0;
        var spreads = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            List<string>? named = null;
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    pending.Push(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    named = new List<string>();
                    spreads[fragment.FragmentName.Name.StringValue] = named;
                    pending.Push(fragment.SelectionSet);
                    break;
                default:
                    continue;
            }

            while (pending.TryPop(out var set))
            {
                foreach (var selection in set.Selections)
                {
                    if (++selections > maxSelections)
                    {
                        return $"The document holds more than {maxSelections} selections (fields, fragment spreads, inline fragments), the most this endpoint accepts.";
                    }

                    switch (selection)
                    {
                        case GraphQLField { SelectionSet: { } child }:
                            pending.Push(child);
                            break;
                        case GraphQLInlineFragment inline:
                            pending.Push(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread spread:
                            named?.Add(spread.FragmentName.Name.StringValue);
                            break;
                    }
                }
            }
        }

        return LongestChain(spreads) > maxFragmentDepth
            ? $"The document chains fragments more than {maxFragmentDepth} deep (a fragment spreading a fragment spreading ...), the most this endpoint accepts."
            : null;
    }

    /// <summary>Longest chain of fragment definitions spreading one another, without recursion; cycles (which validation reports) are not followed.</summary>
    private static int LongestChain(Dictionary<string, List<string>> spreads)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var root in spreads.Keys)
        {
            if (depth.ContainsKey(root))
            {
                continue;
            }

            var onPath = new HashSet<string>(StringComparer.Ordinal) { root };
            var stack = new Stack<(string Name, int Next)>();
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var children = spreads[name];
                if (next < children.Count)
                {
                    stack.Push((name, next + 1));
                    var child = children[next];
                    if (spreads.ContainsKey(child) && !depth.ContainsKey(child) && onPath.Add(child))
                    {
                        stack.Push((child, 0));
                    }

                    continue;
                }

                var own = 1;
                foreach (var child in children)
                {
                    if (depth.TryGetValue(child, out var below))
                    {
                        own = Math.Max(own, below + 1);
                    }
                }

                depth[name] = own;
                onPath.Remove(name);
                longest = Math.Max(longest, own);
            }
        }

        return longest;
    }
}
