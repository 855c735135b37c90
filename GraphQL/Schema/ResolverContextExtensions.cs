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
}
