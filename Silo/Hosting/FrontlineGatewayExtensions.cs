using Frontline.Abstractions.Streams;
using Orleans.Configuration;

namespace Frontline.Silo.Hosting;

/// <summary>
/// The standalone gateway (<c>--Frontline:Role gateway</c>): an Orleans client of the PostgreSQL cluster that hosts no
/// grains. It finds the silos' gateways in the membership table, and serves the same HTTP endpoints as a silo
/// because resolvers only need <see cref="IGrainFactory"/>, <see cref="IClusterClient"/> and the stream provider.
/// </summary>
public static class FrontlineGatewayExtensions
{
    /// <summary>Section bound to <see cref="GatewayOptions"/> (e.g. <c>GatewayListRefreshPeriod</c>: how soon a new silo is used).</summary>
    public const string GatewaysSection = "Frontline:Gateways";

    /// <summary>How often the gateway re-reads the silos' gateways from the membership table unless configured.</summary>
    public static readonly TimeSpan DefaultGatewayListRefreshPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Binds and validates the host settings and connects to the cluster as an Orleans client.</summary>
    public static TBuilder AddFrontlineGateway<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var (frontline, orleans, connectionString) = builder.AddFrontlineHostOptions();
        if (!FrontlineProfiles.IsCluster(frontline.Profile) || string.IsNullOrWhiteSpace(connectionString))
        {
            // Nothing to connect to: the options validation stops the host on start and says which key is missing.
            return builder;
        }

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans.ClusterId;
                o.ServiceId = orleans.ServiceId;
            });
            // Orleans re-reads the silo list every minute by default; a gateway that starts before the silos, or
            // serves a cluster an operator grows, should notice sooner. Configuration still wins.
            client.Services.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = DefaultGatewayListRefreshPeriod);
            client.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewaysSection));
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterProfileExtensions.NpgsqlInvariant;
                o.ConnectionString = connectionString;
            });
            client.UseConnectionRetryFilter<GatewayConnectRetryFilter>();
            client.AddFrontlineStreams();
            client.Services.AddStorageFailureSerialization();
        });
        return builder;
    }

    /// <summary>
    /// The stream providers a client needs to see what grains publish: every provider a silo registers that feeds
    /// subscriptions or ingestion must be added here under the same name and settings.
    /// </summary>
    public static IClientBuilder AddFrontlineStreams(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.AddMemoryStreams(StreamNames.Provider);
        return client;
    }
}
