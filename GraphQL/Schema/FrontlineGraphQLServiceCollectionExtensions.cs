using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Schema;

/// <summary>Registers the Frontline schema and its graph types.</summary>
public static class FrontlineGraphQLServiceCollectionExtensions
{
    /// <summary>Adds the schema, its graph types and <see cref="IngestLimitsOptions"/> (validated on start).</summary>
    public static IServiceCollection AddFrontlineSchema(this IServiceCollection services)
    {
        services.AddOptions<IngestLimitsOptions>()
            .Validate(o => o.MaxBatchItems > 0, "Frontline:Limits:MaxBatchItems must be positive.")
            .ValidateOnStart();
        return services.AddGraphQL(builder => builder.AddSchema<FrontlineSchema>().AddGraphTypes(typeof(FrontlineSchema).Assembly));
    }
}
