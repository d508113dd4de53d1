using Microsoft.Extensions.Configuration;
using Search.Server.Security;

namespace Search.Server.Tests.Security;

/// <summary>Listening-address classification and refusal of broken credential configuration.</summary>
public sealed class AuthConfigurationTests
{
    [Theory]
    [InlineData("http://127.0.0.1:50051", true)]
    [InlineData("http://127.5.6.7:1", true)]
    [InlineData("http://[::1]:50051", true)]
    [InlineData("https://localhost:443", true)]
    [InlineData("http://0.0.0.0:50051", false)]
    [InlineData("http://[::]:50051", false)]
    [InlineData("http://*:50051", false)]
    [InlineData("http://+:50051", false)]
    [InlineData("http://192.168.1.10:50051", false)]
    [InlineData("http://search.example.com:50051", false)]
    public void Classifies_listening_addresses(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void Kestrel_endpoints_win_over_urls_and_ports_bind_everywhere()
    {
        var endpoints = Config(("urls", "http://127.0.0.1:1"), ("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:2"));
        var ports = Config(("http_ports", "8080"));

        Assert.Equal(["https://0.0.0.0:2"], ListenAddresses.FromConfiguration(endpoints));
        Assert.Equal(["http://*:8080"], ListenAddresses.FromConfiguration(ports));
    }

    [Theory]
    [InlineData("Search:Auth:ApiKeys:0:Key=k-0123456789", "Search:Auth:ApiKeys:0:Roles:0=searcher", "unknown role 'searcher'")]
    [InlineData("Search:Auth:ApiKeys:0:Key=k-0123456789", "Search:Auth:AllowAnonymousSearch=false", "has no roles")]
    [InlineData("Search:Auth:Jwt:SigningKey=short", "Search:Auth:Jwt:Issuer=x", "at least 32")]
    [InlineData("Search:Auth:Jwt:SigningKey=base64:???", "Search:Auth:Jwt:Issuer=x", "not valid base64")]
    [InlineData("Search:Auth:Jwt:Authority=https://login.example.com", "Search:Auth:Jwt:Issuer=x", "Audience is required")]
    public void Refuses_broken_credentials(string first, string second, string expected)
    {
        var ex = Assert.Throws<SearchAuthConfigurationException>(() =>
            SearchServerApp.Build(["--urls", "http://127.0.0.1:0", "--seed-path", "", "--" + first, "--" + second]));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_signing_key_is_decoded()
    {
        byte[] key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var options = new JwtAuthOptions { SigningKey = JwtAuthOptions.Base64Prefix + Convert.ToBase64String(key) };
        Assert.Equal(key, options.SigningKeyBytes());
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
