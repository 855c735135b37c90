using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.GraphQL.Schema;

/// <summary>Registers the Frontline schema and its graph types.</summary>
public static class FrontlineGraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddFrontlineSchema(this IServiceCollection services) =>
        services.AddGraphQL(builder => builder.AddSchema<FrontlineSchema>().AddGraphTypes(typeof(FrontlineSchema).Assembly));
}
