using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Reindex;

/// <summary>Rebuilds are an admin operation: an index key may write articles but not start one.</summary>
public sealed class ReindexAuthorisationTests
{
    [Fact]
    public async Task An_index_key_is_PermissionDenied_and_an_admin_key_may_start_a_rebuild()
    {
        using var root = new TempDirectory();
        await using SearchServer server = await SearchServer.StartAsync(Path.Combine(root.Path, "index"), "",
            "--Search:Auth:ApiKeys:0:Key=k1", "--Search:Auth:ApiKeys:0:Roles:0=index",
            "--Search:Auth:ApiKeys:1:Key=k2", "--Search:Auth:ApiKeys:1:Roles:0=admin");
        var reindex = new ReindexService.ReindexServiceClient(server.Channel);
        var indexKey = new Metadata { { "x-api-key", "k1" } };
        var adminKey = new Metadata { { "x-api-key", "k2" } };
        await SyntheticArticles.IndexAsync(server.Index, server.Search, 10, adminKey);

        await GrpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex(), indexKey));
        await GrpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex()));
        Assert.Empty((await reindex.ListReindexJobsAsync(new ListReindexJobsRequest(), adminKey)).Jobs);

        ReindexJob started = await reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex(), adminKey);
        ReindexJob end = await reindex.WaitForEndAsync(started.Id, adminKey);

        Assert.True(end.State == ReindexState.Succeeded, end.Message);
        Assert.Equal(10, end.Processed);
    }
}
