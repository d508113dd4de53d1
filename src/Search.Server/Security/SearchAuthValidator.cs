namespace Search.Server.Security;

/// <summary>Startup checks: refuses configurations that would expose the service or silently fail every call.</summary>
internal static class SearchAuthValidator
{
    public static void Validate(SearchAuthOptions options, IReadOnlyList<string> listenAddresses)
    {
        if (!options.HasCredentials)
        {
            string? exposed = listenAddresses.FirstOrDefault(address => !ListenAddresses.IsLoopback(address));
            if (exposed is not null)
            {
                throw new SearchAuthConfigurationException(
                    $"Refusing to listen on {exposed} without credentials: anyone who can reach it could read and change the index. " +
                    "Configure API keys (Search:Auth:ApiKeys:0:Key and Search:Auth:ApiKeys:0:Roles:0, e.g. environment variables " +
                    "Search__Auth__ApiKeys__0__Key and Search__Auth__ApiKeys__0__Roles__0) or JWT validation (Search:Auth:Jwt:Authority " +
                    "or Search:Auth:Jwt:SigningKey), or listen on a loopback address such as http://127.0.0.1:50051.");
            }
            return;
        }

        for (int i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                throw new SearchAuthConfigurationException($"Search:Auth:ApiKeys:{i}:Key is empty.");
            }
            if (entry.Roles.Count == 0)
            {
                throw new SearchAuthConfigurationException($"Search:Auth:ApiKeys:{i} has no roles; set Search:Auth:ApiKeys:{i}:Roles:0 to search, index or admin.");
            }
            // A typo in a role name would otherwise only show up as PERMISSION_DENIED on every call.
            string? unknown = entry.Roles.FirstOrDefault(role => !SearchRoles.All.Contains(role));
            if (unknown is not null)
            {
                throw new SearchAuthConfigurationException($"Search:Auth:ApiKeys:{i}:Roles has unknown role '{unknown}'; known roles: search, index, admin.");
            }
        }

        ValidateJwt(options.Jwt);
    }

    private static void ValidateJwt(JwtAuthOptions jwt)
    {
        bool hasAuthority = !string.IsNullOrWhiteSpace(jwt.Authority);
        bool hasKey = !string.IsNullOrWhiteSpace(jwt.SigningKey);
        if (hasAuthority && hasKey)
        {
            throw new SearchAuthConfigurationException("Set either Search:Auth:Jwt:Authority or Search:Auth:Jwt:SigningKey, not both.");
        }
        if (hasAuthority && string.IsNullOrWhiteSpace(jwt.Audience))
        {
            // Without an audience, any token the authority issued for any other application would be accepted.
            throw new SearchAuthConfigurationException("Search:Auth:Jwt:Audience is required with Search:Auth:Jwt:Authority.");
        }
        if (hasKey)
        {
            byte[] key;
            try
            {
                key = jwt.SigningKeyBytes();
            }
            catch (FormatException)
            {
                throw new SearchAuthConfigurationException($"Search:Auth:Jwt:SigningKey starts with '{JwtAuthOptions.Base64Prefix}' but the rest is not valid base64.");
            }
            if (key.Length < JwtAuthOptions.MinSigningKeyBytes)
            {
                throw new SearchAuthConfigurationException(
                    $"Search:Auth:Jwt:SigningKey is {key.Length} bytes; HMAC-SHA256 needs at least {JwtAuthOptions.MinSigningKeyBytes}.");
            }
        }
    }
}
