using Frontline.Abstractions.Common;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Schema;

/// <summary>How resolvers reach the cluster: the request's <see cref="IGrainFactory"/>, co-hosted or a gateway client.</summary>
public static class ResolverContextExtensions
{
    public static IGrainFactory Grains(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IGrainFactory>();

    public static IDictionary<string, object?> Input(this IResolveFieldContext context) =>
        (IDictionary<string, object?>)context.Arguments!["input"].Value!;

    public static object? RawInput(this IResolveFieldContext context) => context.Arguments!["input"].Value;

    /// <summary>The <c>input</c> list of a batch mutation, refused whole (nothing applied) when it holds more than <paramref name="maxItems"/>.</summary>
    public static object? BatchInput(this IResolveFieldContext context, int maxItems)
    {
        var input = context.RawInput();
        if (input is ICollection<object?> items && items.Count > maxItems)
        {
            var rejection = new Rejection { Code = ErrorCodes.BatchTooLarge, Field = "input", Reason = $"{items.Count} items is more than the {maxItems} one call accepts; send smaller batches" };
            throw rejection.ToError();
        }

        return input;
    }
}
