using Frontline.Abstractions.Common;
using Frontline.GraphQL.Security;
using Frontline.GraphQL.Transport;
using Frontline.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Frontline.Silo.Security;

/// <summary>
/// Authentication of the host: JWT bearer tokens and API keys over HTTP, the same credentials in WebSocket
/// <c>connection_init</c>, and a 401 for GraphQL and ingestion requests without usable credentials. <c>/health</c>
/// stays open for load balancers and operators.
/// </summary>
public static partial class SecurityHostingExtensions
{
    private const string SelectorScheme = "Frontline";

    /// <summary>Where the Orleans dashboard is served when <c>Frontline:Dashboard</c> is on.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// Cookie that carries the token between the dashboard's page and its own API calls: a browser opens
    /// <c>/dashboard?access_token=&lt;jwt&gt;</c> once, and the dashboard's scripts cannot send headers.
    /// </summary>
    private const string DashboardCookie = "frontline-dashboard";

    /// <summary>Paths that need a caller; WebSocket upgrades on them authenticate in connection_init instead.</summary>
    private static readonly PathString[] ProtectedPaths = ["/graphql", "/ingest"];

    /// <summary>
    /// Registers authentication from <c>Frontline:Auth</c>. Throws <see cref="SecurityConfigurationException"/> at once
    /// (before the silo starts) when the keys are unusable, e.g. the cluster profile without a configured key.
    /// </summary>
    public static WebApplicationBuilder AddFrontlineSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var frontline = builder.Configuration.GetSection(FrontlineOptions.SectionName).Get<FrontlineOptions>() ?? new FrontlineOptions();
        var keys = SigningKeys.Resolve(auth, frontline);
        var apiKeys = new ApiKeyStore(auth);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(apiKeys);
        builder.Services.AddSingleton<IConnectionInitAuthenticator, ConnectionInitAuthenticator>();

        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.CarriesApiKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer(o =>
            {
                // Claims keep their JWT names (role, unit, customer), which the access policy reads.
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKeys = keys.ValidationKeys,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256],
                    NameClaimType = FrontlineClaims.Subject,
                    RoleClaimType = FrontlineClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // Only the dashboard takes a token from elsewhere than the Authorization header.
                        if (context.Request.Path.StartsWithSegments(DashboardPath) && string.IsNullOrEmpty(context.Request.Headers.Authorization))
                        {
                            context.Token = NullIfEmpty(context.Request.Query["access_token"].ToString()) ?? context.Request.Cookies[DashboardCookie];
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        return builder;
    }

    /// <summary>Authenticates every request and answers 401 UNAUTHENTICATED on protected paths without a usable caller.</summary>
    public static WebApplication UseFrontlineSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        LogKeys(app.Logger, app.Services.GetRequiredService<SigningKeys>().Description);
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DashboardPath) || context.Request.Path.StartsWithSegments(MetricsHostingExtensions.Path))
            {
                await GuardOperatorPathAsync(context, next);
                return;
            }

            if (IsWebSocketUpgrade(context)
                || !ProtectedPaths.Any(p => context.Request.Path.StartsWithSegments(p))
                || Caller.From(context.User) is not null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            if (context.Request.Path.StartsWithSegments("/graphql"))
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    errors = new[] { new { message = AccessErrors.UnauthenticatedMessage, extensions = new { code = ErrorCodes.Unauthenticated } } },
                });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { error = ErrorCodes.Unauthenticated, reason = AccessErrors.UnauthenticatedMessage });
            }
        });
        return app;
    }

    /// <summary>The operators' tools (dashboard, metrics): operators and HQ only.</summary>
    private static async Task GuardOperatorPathAsync(HttpContext context, RequestDelegate next)
    {
        var decision = AccessPolicy.Gate(Caller.From(context.User), OperationKind.Operate);
        if (decision == AccessDecision.Allowed)
        {
            if (context.Request.Path.StartsWithSegments(DashboardPath) && NullIfEmpty(context.Request.Query["access_token"].ToString()) is { } token)
            {
                context.Response.Cookies.Append(DashboardCookie, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    Path = DashboardPath,
                });
            }

            await next(context);
            return;
        }

        var unauthenticated = decision == AccessDecision.Unauthenticated;
        context.Response.StatusCode = unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new
        {
            error = unauthenticated ? ErrorCodes.Unauthenticated : ErrorCodes.Forbidden,
            reason = unauthenticated ? AccessErrors.UnauthenticatedMessage : AccessErrors.ForbiddenMessage,
        });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // The WebSocket middleware runs later (inside the GraphQL endpoint), so its IsWebSocketRequest is not known yet here.
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;

    [LoggerMessage(Level = LogLevel.Information, Message = "Tokens are verified with: {Keys}")]
    private static partial void LogKeys(ILogger logger, string keys);
}
