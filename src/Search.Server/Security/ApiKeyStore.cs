using System.Security.Cryptography;
using System.Text;

namespace Search.Server.Security;

/// <summary>
/// The configured API keys, kept only as SHA-256 hashes. Comparing fixed-length hashes with
/// <see cref="CryptographicOperations.FixedTimeEquals"/> leaks neither the key's content nor its length.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly (byte[] Hash, string[] Roles)[] keys;

    public ApiKeyStore(SearchAuthOptions options)
    {
        keys = options.ApiKeys.Select(entry => (Hash(entry.Key), entry.Roles.ToArray())).ToArray();
    }

    /// <summary>The roles of the key presented, or null when it matches none.</summary>
    public string[]? Find(string presented)
    {
        byte[] hash = Hash(presented);
        string[]? roles = null;
        // Every entry is compared, without stopping at a match, so timing does not reveal which entry matched.
        foreach (var (candidate, candidateRoles) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate) && roles is null)
            {
                roles = candidateRoles;
            }
        }
        return roles;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
