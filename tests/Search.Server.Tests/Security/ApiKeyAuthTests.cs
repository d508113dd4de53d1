using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Search.Contracts.V1;

namespace Search.Server.Tests.Security;

/// <summary>One server with a search key, an index key and an admin key.</summary>
public sealed class ApiKeyServerFixture : IAsyncLifetime
{
    public const string SearchKey = "search-key-0123456789";
    public const string IndexKey = "index-key-0123456789";
    public const string AdminKey = "admin-key-0123456789";

    internal SecureServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SecureServer.StartAsync(
        $"--Search:Auth:ApiKeys:0:Key={SearchKey}", "--Search:Auth:ApiKeys:0:Roles:0=search",
        $"--Search:Auth:ApiKeys:1:Key={IndexKey}", "--Search:Auth:ApiKeys:1:Roles:0=index",
        $"--Search:Auth:ApiKeys:2:Key={AdminKey}", "--Search:Auth:ApiKeys:2:Roles:0=admin");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class ApiKeyAuthTests(ApiKeyServerFixture fixture) : IClassFixture<ApiKeyServerFixture>
{
    private SecureServer Server => fixture.Server;

    [Fact]
    public async Task Search_without_credential_is_unauthenticated_with_a_hint()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Server.Search.SearchAsync(new SearchRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("x-api-key", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_is_unauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Search.SearchAsync(new SearchRequest(), SecureServer.ApiKey("not-a-key")));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task A_prefix_of_a_valid_key_is_unauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Search.SearchAsync(new SearchRequest(), SecureServer.ApiKey(ApiKeyServerFixture.SearchKey[..^1])));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Search_key_on_IndexArticles_is_permission_denied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Index.IndexArticlesAsync(SecureServer.OneArticle(), SecureServer.ApiKey(ApiKeyServerFixture.SearchKey)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("index", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_key_on_Search_is_permission_denied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Search.SearchAsync(new SearchRequest(), SecureServer.ApiKey(ApiKeyServerFixture.IndexKey)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Search_key_on_Search_succeeds()
    {
        var response = await Server.Search.SearchAsync(new SearchRequest { Query = "unmatchedword" }, SecureServer.ApiKey(ApiKeyServerFixture.SearchKey));
        Assert.Equal(0, response.TotalHits);
    }

    [Fact]
    public async Task Index_key_on_IndexArticles_succeeds()
    {
        var response = await Server.Index.IndexArticlesAsync(SecureServer.OneArticle(), SecureServer.ApiKey(ApiKeyServerFixture.IndexKey));
        Assert.Equal(1, response.Indexed);
    }

    [Fact]
    public async Task Admin_key_may_call_search_and_index()
    {
        var admin = SecureServer.ApiKey(ApiKeyServerFixture.AdminKey);
        var indexed = await Server.Index.IndexArticlesAsync(SecureServer.OneArticle(), admin);
        var found = await Server.Search.SearchAsync(new SearchRequest { MinGeneration = indexed.Generation }, admin);
        Assert.Equal(1, indexed.Indexed);
        Assert.True(found.TotalHits >= 1);
    }

    [Fact]
    public async Task Health_needs_no_credential()
    {
        var response = await new Health.HealthClient(Server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_needs_no_credential()
    {
        using var call = new ServerReflection.ServerReflectionClient(Server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("search.v1.SearchService", services);
    }
}
