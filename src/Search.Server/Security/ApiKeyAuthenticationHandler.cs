using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Search.Server.Security;

/// <summary>
/// Authenticates the <c>x-api-key</c> header against the configured keys. No header: no result (the caller is
/// anonymous); a header that matches nothing: failure. The key itself is never logged.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(SearchAuthDefaults.ApiKeyHeader, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        string[]? roles = values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? store.Find(values[0]!) : null;
        if (roles is null)
        {
            LogRejected(Logger, Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var claims = roles.Select(role => new Claim(ClaimTypes.Role, role)).Prepend(new Claim(ClaimTypes.Name, "api-key"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Rejected an invalid API key from {RemoteAddress}.")]
    private static partial void LogRejected(ILogger logger, System.Net.IPAddress? remoteAddress);
}
