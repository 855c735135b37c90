using GraphQL;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Frontline.GraphQL.Transport;

/// <summary>Registers the GraphQL HTTP and WebSocket transports.</summary>
public static class GraphQLTransportServiceCollectionExtensions
{
    /// <summary>
    /// Adds the transports plus what they need from GraphQL.NET: the System.Text.Json serializer and the error
    /// info provider that gives every error a stable <c>extensions.code</c>. The schema is registered
    /// separately, e.g. <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;MySchema&gt;().AddGraphTypes())</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLTransport(this IServiceCollection services, Action<GraphQLTransportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GraphQLTransportOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.ConnectionInitTimeout > TimeSpan.Zero, "ConnectionInitTimeout must be positive.")
            .Validate(o => o.MaxWebSocketMessageBytes > 0, "MaxWebSocketMessageBytes must be positive.")
            .Validate(o => o.CloseHandshakeTimeout > TimeSpan.Zero, "CloseHandshakeTimeout must be positive.")
            .Validate(o => o.MaxDepth > 0, "MaxDepth must be positive.")
            .Validate(o => o.MaxComplexity > 0, "MaxComplexity must be positive.")
            .Validate(o => o.MaxSelections > 0, "MaxSelections must be positive.")
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "ExecutionTimeout must be positive.")
            .Validate(o => o.MaxOperationsPerConnection > 0, "MaxOperationsPerConnection must be positive.")
            .ValidateOnStart();

        services.AddGraphQL(builder => builder
            .AddSystemTextJson()
            .AddErrorInfoProvider<TransportErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;

                // Introspection costs nothing, so GraphiQL and code generators are never refused; a zero child
                // multiplier makes everything below __schema and __type free too.
                var fieldImpact = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = field => field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                    ? new FieldComplexityResult(0, 0)
                    : fieldImpact(field);
            }));
        services.TryAddSingleton<GraphQLRequestExecutor>();
        services.TryAddSingleton<GraphQLHttpHandler>();
        services.TryAddSingleton<GraphQLWebSocketHandler>();
        return services;
    }
}
