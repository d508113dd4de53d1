using System.Text;

namespace Search.Server.Security;

/// <summary>
/// <c>Search:Auth:Jwt</c>: either an <see cref="Authority"/> (keys come from its OpenID Connect metadata) or a
/// symmetric <see cref="SigningKey"/> for self-issued tokens.
/// </summary>
public sealed class JwtAuthOptions
{
    /// <summary>Prefix marking <see cref="SigningKey"/> as base64; without it the key is the UTF-8 text itself.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>HMAC-SHA256 needs at least 256 bits of key; shorter keys are refused at startup.</summary>
    public const int MinSigningKeyBytes = 32;

    public string? Authority { get; set; }

    /// <summary>Symmetric key: <c>base64:...</c> or plain text.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c>; validated when set.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>; validated when set, required with an authority.</summary>
    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>The signing key's bytes. An explicit prefix avoids guessing: much plain text is also valid base64.</summary>
    public byte[] SigningKeyBytes()
    {
        string key = SigningKey ?? "";
        return key.StartsWith(Base64Prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(key[Base64Prefix.Length..])
            : Encoding.UTF8.GetBytes(key);
    }
}
