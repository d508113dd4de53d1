using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Security;

namespace Search.Server.Tests.Security;

/// <summary>When calls without credentials are accepted, and when the service refuses to start instead.</summary>
public sealed class AnonymousAccessTests
{
    [Fact]
    public async Task AllowAnonymousSearch_opens_search_only()
    {
        await using var server = await SecureServer.StartAsync(
            "--Search:Auth:ApiKeys:0:Key=index-key-0123456789", "--Search:Auth:ApiKeys:0:Roles:0=index", "--Search:Auth:AllowAnonymousSearch=true");

        var found = await server.Search.SearchAsync(new SearchRequest { Query = "unmatchedword" });
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await server.Index.IndexArticlesAsync(SecureServer.OneArticle()));

        Assert.Equal(0, found.TotalHits);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task AllowAnonymousSearch_still_rejects_a_wrong_key()
    {
        await using var server = await SecureServer.StartAsync(
            "--Search:Auth:ApiKeys:0:Key=index-key-0123456789", "--Search:Auth:ApiKeys:0:Roles:0=index", "--Search:Auth:AllowAnonymousSearch=true");

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Search.SearchAsync(new SearchRequest(), SecureServer.ApiKey("wrong-key")));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task No_credentials_on_loopback_accepts_anonymous_calls()
    {
        await using var server = await SecureServer.StartAsync();

        var indexed = await server.Index.IndexArticlesAsync(SecureServer.OneArticle());
        var found = await server.Search.SearchAsync(new SearchRequest { MinGeneration = indexed.Generation });

        Assert.Equal(1, indexed.Indexed);
        Assert.Equal(1, found.TotalHits);
    }

    [Fact]
    public void No_credentials_on_all_interfaces_refuses_to_start()
    {
        string dir = SecureServer.NewTempDir();
        try
        {
            var ex = Assert.Throws<SearchAuthConfigurationException>(() =>
                SearchServerApp.Build(["--urls", "http://0.0.0.0:0", "--index-path", dir, "--seed-path", ""]));
            Assert.Contains("http://0.0.0.0:0", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Search:Auth:ApiKeys", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Search:Auth:Jwt", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void No_credentials_on_a_kestrel_endpoint_beyond_loopback_refuses_to_start()
    {
        var ex = Assert.Throws<SearchAuthConfigurationException>(() =>
            SearchServerApp.Build(["--Kestrel:Endpoints:Public:Url=http://[::]:0", "--seed-path", ""]));
        Assert.Contains("http://[::]:0", ex.Message, StringComparison.Ordinal);
    }
}
