namespace Search.Server.Security;

/// <summary>Scheme and header names used by the service's authentication.</summary>
public static class SearchAuthDefaults
{
    /// <summary>Selects API key or JWT bearer per request by the header the client sent.</summary>
    public const string SelectorScheme = "SearchCredential";

    public const string ApiKeyScheme = "ApiKey";

    public const string JwtScheme = "Bearer";

    /// <summary>gRPC metadata header carrying an API key.</summary>
    public const string ApiKeyHeader = "x-api-key";
}
