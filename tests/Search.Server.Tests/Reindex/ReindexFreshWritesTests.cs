using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Reindex;

/// <summary>
/// Regression: a rebuild started right after a write used to copy from a searcher not yet refreshed, so the
/// acknowledged articles were in neither the copy nor the catch-up, and the swap dropped them.
/// </summary>
public sealed class ReindexFreshWritesTests
{
    [Fact]
    public async Task Articles_acknowledged_just_before_the_start_are_in_the_new_generation()
    {
        using var root = new TempDirectory();
        // A long refresh interval keeps the writes invisible to searches until the rebuild looks, every run.
        await using SearchServer server = await SearchServer.StartAsync(Path.Combine(root.Path, "index"), "", "--Search:RefreshInterval=00:05:00");
        var reindex = new ReindexService.ReindexServiceClient(server.Channel);
        var batch = new IndexArticlesRequest();
        batch.Articles.AddRange(Enumerable.Range(0, 50).Select(SyntheticArticles.Create));
        Assert.Equal(50, (await server.Index.IndexArticlesAsync(batch)).Indexed);

        ReindexJob end = await reindex.WaitForEndAsync((await reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id);

        Assert.True(end.State == ReindexState.Succeeded, end.Message);
        Assert.Equal(50, end.Processed);
        Assert.Equal(50, (await server.Index.GetIndexStatsAsync(new GetIndexStatsRequest())).ArticleCount);
        Assert.Equal(50, (await server.Search.SearchAsync(new SearchRequest { Query = "synthetic", PageSize = 1 })).TotalHits);
    }
}
