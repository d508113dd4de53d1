using System.Security.Claims;
using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Search.Contracts.V1;

namespace Search.Server.Tests.Security;

/// <summary>A server validating self-issued JWTs signed with a shared key.</summary>
public sealed class JwtServerFixture : IAsyncLifetime
{
    public const string SigningKey = "a-test-signing-key-of-at-least-32-bytes!";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "search-api";

    internal SecureServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SecureServer.StartAsync(
        $"--Search:Auth:Jwt:SigningKey={SigningKey}", $"--Search:Auth:Jwt:Issuer={Issuer}", $"--Search:Auth:Jwt:Audience={Audience}");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A token with the given claims; defaults are valid for the server.</summary>
    public static string Token(
        IEnumerable<Claim> claims, string key = SigningKey, DateTime? expires = null, string audience = Audience, string issuer = Issuer)
    {
        DateTime expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static Claim[] Role(string role) => [new Claim("sub", "tester"), new Claim("role", role)];
}

public sealed class JwtAuthTests(JwtServerFixture fixture) : IClassFixture<JwtServerFixture>
{
    private SecureServer Server => fixture.Server;

    [Fact]
    public async Task Token_with_search_role_may_search()
    {
        var response = await Server.Search.SearchAsync(
            new SearchRequest { Query = "unmatchedword" }, SecureServer.Bearer(JwtServerFixture.Token(JwtServerFixture.Role("search"))));
        Assert.Equal(0, response.TotalHits);
    }

    [Fact]
    public async Task Roles_array_claim_grants_index()
    {
        // A JSON array claim, as many identity providers issue it.
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JwtServerFixture.Issuer,
            Audience = JwtServerFixture.Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "tester", ["roles"] = new[] { "search", "index" } },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtServerFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        string token = new JsonWebTokenHandler().CreateToken(descriptor);
        var response = await Server.Index.IndexArticlesAsync(SecureServer.OneArticle(), SecureServer.Bearer(token));
        Assert.Equal(1, response.Indexed);
    }

    [Fact]
    public async Task Token_without_the_role_is_permission_denied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Index.IndexArticlesAsync(
            SecureServer.OneArticle(), SecureServer.Bearer(JwtServerFixture.Token(JwtServerFixture.Role("search")))));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Expired_token_is_unauthenticated()
    {
        string token = JwtServerFixture.Token(JwtServerFixture.Role("search"), expires: DateTime.UtcNow.AddHours(-1));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Search.SearchAsync(new SearchRequest(), SecureServer.Bearer(token)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_unauthenticated()
    {
        string token = JwtServerFixture.Token(JwtServerFixture.Role("search"), key: "another-signing-key-that-is-32-bytes-long");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Search.SearchAsync(new SearchRequest(), SecureServer.Bearer(token)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthenticated()
    {
        string token = JwtServerFixture.Token(JwtServerFixture.Role("search"), audience: "some-other-api");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Search.SearchAsync(new SearchRequest(), SecureServer.Bearer(token)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Garbage_bearer_token_is_unauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Search.SearchAsync(new SearchRequest(), SecureServer.Bearer("not.a.jwt")));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}
