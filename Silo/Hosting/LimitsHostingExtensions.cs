using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Frontline.GraphQL.Schema;
using Frontline.GraphQL.Transport;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>
/// Every limit under <c>Frontline:Limits</c>: body size (Kestrel), query depth, complexity and timeout and
/// WebSocket operations (the transport), batch sizes (the schema) and the per-client rate limit (middleware).
/// </summary>
public static class LimitsHostingExtensions
{
    private const string RateLimitedReason = "Too many requests from this client; retry after the Retry-After seconds.";

    /// <summary>Binds and validates the limits (the host refuses to start with a bad value) and registers the rate limiter.</summary>
    public static WebApplicationBuilder AddFrontlineLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(HttpLimitsOptions.SectionName);
        builder.Services.AddOptions<HttpLimitsOptions>()
            .Bind(section)
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{HttpLimitsOptions.SectionName}:{nameof(HttpLimitsOptions.MaxRequestBodyBytes)} must be positive.")
            .Validate(o => o.RateLimit.TokenLimit > 0 && o.RateLimit.TokensPerPeriod > 0, $"{HttpLimitsOptions.SectionName}:RateLimit:TokenLimit and TokensPerPeriod must be positive.")
            .Validate(o => o.RateLimit.ReplenishmentPeriod > TimeSpan.Zero, $"{HttpLimitsOptions.SectionName}:RateLimit:ReplenishmentPeriod must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<GraphQLTransportOptions>().Bind(section);
        builder.Services.AddOptions<IngestLimitsOptions>().Bind(section);
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<HttpLimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<HttpLimitsOptions>>((rateLimiter, limits) => ConfigureRateLimiter(rateLimiter, limits.Value.RateLimit));
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    /// <summary>Puts the rate limiter in front of every endpoint except health and diagnostics.</summary>
    public static WebApplication UseFrontlineLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// The client a request counts against: the authenticated identity when authentication ran, else a hash of the
    /// Authorization header (a token identifies its holder before it is checked), else the remote address.
    /// </summary>
    internal static string ClientKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && (user.FindFirst("sub")?.Value ?? user.Identity.Name) is { Length: > 0 } identity)
        {
            return "user:" + identity;
        }

        if (context.Request.Headers.Authorization is [{ Length: > 0 } authorization])
        {
            return "auth:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)));
        }

        return "ip:" + context.Connection.RemoteIpAddress;
    }

    private static void ConfigureRateLimiter(RateLimiterOptions options, RateLimitOptions limit)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            // Health probes and operator diagnostics must answer however busy a client keeps the API.
            if (!limit.Enabled || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/diagnostics"))
            {
                return RateLimitPartition.GetNoLimiter("exempt");
            }

            return RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.TokenLimit,
                TokensPerPeriod = limit.TokensPerPeriod,
                ReplenishmentPeriod = limit.ReplenishmentPeriod,
                QueueLimit = 0,

                // The partitioned limiter replenishes every bucket from one heartbeat, honouring the period; a timer
                // per client would cost a timer per remote address.
                AutoReplenishment = false,
            });
        });
        options.OnRejected = WriteRejectionAsync;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        // Each endpoint family keeps its own error shape, so clients parse a 429 like their other errors.
        object body = rejected.HttpContext.Request.Path.StartsWithSegments("/ingest")
            ? new { error = GraphQLErrorCodes.RateLimited, reason = RateLimitedReason }
            : new { errors = new[] { new { message = RateLimitedReason, extensions = new { code = GraphQLErrorCodes.RateLimited, retryAfterSeconds = seconds } } } };
        await response.WriteAsJsonAsync(body, cancellationToken);
    }
}
