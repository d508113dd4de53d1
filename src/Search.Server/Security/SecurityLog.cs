namespace Search.Server.Security;

/// <summary>Startup messages about how the service is protected.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 310, Level = LogLevel.Warning,
        Message = "No credentials configured (Search:Auth:ApiKeys, Search:Auth:Jwt): accepting anonymous calls because every listening address is loopback ({Addresses}).")]
    public static partial void AnonymousLoopback(ILogger logger, string addresses);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information,
        Message = "Authentication on: {ApiKeyCount} API key(s), JWT {JwtMode}; anonymous search {AnonymousSearch}.")]
    public static partial void AuthenticationOn(ILogger logger, int apiKeyCount, string jwtMode, bool anonymousSearch);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning,
        Message = "Listening on {Address} without TLS: credentials and articles travel in clear text. Configure a Kestrel HTTPS endpoint (docs/operating-security.md).")]
    public static partial void PlainTextExposed(ILogger logger, string address);
}
