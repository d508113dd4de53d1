namespace Search.Server.Security;

/// <summary>
/// Configuration section <c>Search:Auth</c>: who may call the service. Read once at startup; changing
/// credentials needs a restart (keys are hashed when the service starts).
/// </summary>
public sealed class SearchAuthOptions
{
    public const string SectionName = "Search:Auth";

    /// <summary>API keys, each with its roles; clients send one in the <c>x-api-key</c> metadata header.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>JWT bearer validation: an OpenID Connect authority or a shared signing key.</summary>
    public JwtAuthOptions Jwt { get; set; } = new();

    /// <summary>Opens search.v1.SearchService to callers without a credential; everything else still needs one.</summary>
    public bool AllowAnonymousSearch { get; set; }

    /// <summary>True once any API key or JWT validation is configured; from then on calls need credentials.</summary>
    public bool HasCredentials => ApiKeys.Count > 0 || Jwt.IsConfigured;
}
