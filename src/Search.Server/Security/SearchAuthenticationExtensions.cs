using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Search.Server.Security;

/// <summary>
/// Wires API keys and JWT bearer tokens into ASP.NET Core authentication, and one fallback authorization policy
/// that checks roles by gRPC service name (<see cref="GrpcServiceAccessHandler"/>).
/// </summary>
public static class SearchAuthenticationExtensions
{
    /// <summary>
    /// Registers authentication and authorization; throws <see cref="SearchAuthConfigurationException"/> when the
    /// configuration is invalid or would expose an unauthenticated service beyond loopback.
    /// </summary>
    public static WebApplicationBuilder AddSearchAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SearchAuthOptions.SectionName).Get<SearchAuthOptions>() ?? new SearchAuthOptions();
        SearchAuthValidator.Validate(options, ListenAddresses.FromConfiguration(builder.Configuration));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<IAuthorizationHandler, GrpcServiceAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();

        var authentication = builder.Services.AddAuthentication(SearchAuthDefaults.SelectorScheme)
            .AddPolicyScheme(SearchAuthDefaults.SelectorScheme, displayName: null, selector =>
                selector.ForwardDefaultSelector = context => SelectScheme(context, options.Jwt.IsConfigured))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SearchAuthDefaults.ApiKeyScheme, configureOptions: null);
        if (options.Jwt.IsConfigured)
        {
            authentication.AddJwtBearer(SearchAuthDefaults.JwtScheme, jwt => ConfigureJwt(jwt, options.Jwt));
        }

        // The fallback policy applies to every endpoint without its own [Authorize], i.e. all mapped gRPC services.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SearchAuthDefaults.SelectorScheme)
                .AddRequirements(new GrpcServiceAccessRequirement())
                .Build());
        return builder;
    }

    /// <summary>Adds the authentication and authorization middleware and reports how the service is protected.</summary>
    public static WebApplication UseSearchAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        var options = app.Services.GetRequiredService<SearchAuthOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SearchAuthenticationExtensions).Namespace!);
        var addresses = ListenAddresses.FromConfiguration(app.Configuration);
        if (!options.HasCredentials)
        {
            SecurityLog.AnonymousLoopback(logger, string.Join(", ", addresses));
            return app;
        }

        string jwtMode = !string.IsNullOrWhiteSpace(options.Jwt.Authority) ? "via authority" : options.Jwt.IsConfigured ? "via signing key" : "off";
        SecurityLog.AuthenticationOn(logger, options.ApiKeys.Count, jwtMode, options.AllowAnonymousSearch);
        foreach (string address in addresses.Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !ListenAddresses.IsLoopback(a)))
        {
            SecurityLog.PlainTextExposed(logger, address);
        }
        return app;
    }

    /// <summary>A bearer token goes to JWT validation; anything else (x-api-key or nothing) to the API key handler.</summary>
    private static string SelectScheme(HttpContext context, bool jwtConfigured)
    {
        bool bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return jwtConfigured && bearer && !context.Request.Headers.ContainsKey(SearchAuthDefaults.ApiKeyHeader)
            ? SearchAuthDefaults.JwtScheme
            : SearchAuthDefaults.ApiKeyScheme;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, JwtAuthOptions settings)
    {
        // Keep claim names as issued ("role", "roles") instead of mapping them to long .NET URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.RoleClaimType = "role";
        jwt.TokenValidationParameters.NameClaimType = "sub";
        jwt.TokenValidationParameters.RequireExpirationTime = true;
        jwt.TokenValidationParameters.ValidateLifetime = true;

        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            // Signing keys and the issuer come from the authority's OpenID Connect metadata.
            jwt.Authority = settings.Authority;
            jwt.Audience = settings.Audience;
            if (!string.IsNullOrWhiteSpace(settings.Issuer))
            {
                jwt.TokenValidationParameters.ValidIssuer = settings.Issuer;
            }
            return;
        }

        jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKeyBytes());
        jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
        jwt.TokenValidationParameters.ValidateIssuer = !string.IsNullOrWhiteSpace(settings.Issuer);
        jwt.TokenValidationParameters.ValidIssuer = settings.Issuer;
        jwt.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(settings.Audience);
        jwt.TokenValidationParameters.ValidAudience = settings.Audience;
    }
}
