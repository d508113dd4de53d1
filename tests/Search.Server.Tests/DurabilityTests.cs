using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests;

/// <summary>Restarts and a second server on the same index folder; each test owns its temp index.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Restart_SameIndexDirectory_ArticlesKeptAndGenerationNotBackwards()
    {
        using var root = new TempDirectory();
        string index = Path.Combine(root.Path, "index");
        IndexArticlesResponse written;
        await using (var first = await SearchServer.StartAsync(index, ""))
        {
            written = await first.Index.IndexArticlesAsync(Batch(
                NewArticle("dur-1", "Durable article one", "Kept across restarts."),
                NewArticle("dur-2", "Durable article two", "Also kept.")));
            await first.Index.DeleteArticlesAsync(new DeleteArticlesRequest { Ids = { "dur-2" } });
            await first.StopAsync();
        }

        await using var second = await SearchServer.StartAsync(index, "");
        // A generation handed out before the restart still works as min_generation afterwards.
        var article = await second.Search.GetArticleAsync(new GetArticleRequest { Id = "dur-1", MinGeneration = written.Generation });
        var stats = await second.Index.GetIndexStatsAsync(new GetIndexStatsRequest());
        var next = await second.Index.IndexArticlesAsync(Batch(NewArticle("dur-3", "After restart")));

        Assert.Equal("Durable article one", article.Title);
        Assert.Equal("Kept across restarts.", article.Body);
        Assert.Equal(1, stats.ArticleCount);
        Assert.True(stats.Generation >= written.Generation, $"generation {stats.Generation} after restart, {written.Generation} before");
        Assert.True(next.Generation > written.Generation, $"new write got {next.Generation}, before restart {written.Generation}");
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => second.Search.GetArticleAsync(new GetArticleRequest { Id = "dur-2" }).ResponseAsync);
    }

    [Fact]
    public async Task Restart_SeededIndex_NotSeededTwice()
    {
        using var root = new TempDirectory();
        string index = Path.Combine(root.Path, "index");
        await using (var first = await SearchServer.StartAsync(index, SearchServerFixture.SamplesPath))
        {
            await first.StopAsync();
        }

        await using var second = await SearchServer.StartAsync(index, SearchServerFixture.SamplesPath);
        var stats = await second.Index.GetIndexStatsAsync(new GetIndexStatsRequest());

        Assert.Equal(SearchServerFixture.SampleCount, stats.ArticleCount);
    }

    [Fact]
    public async Task Start_IndexLockedByRunningServer_FailsWithLockedMessage()
    {
        using var root = new TempDirectory();
        string index = Path.Combine(root.Path, "index");
        await using var running = await SearchServer.StartAsync(index, "");

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => SearchServer.StartAsync(index, ""));

        string messages = string.Join(" | ", Chain(ex).Select(e => e.Message));
        Assert.Contains("locked", messages, StringComparison.OrdinalIgnoreCase);
        // The running server is unaffected.
        var stats = await running.Index.GetIndexStatsAsync(new GetIndexStatsRequest());
        Assert.Equal(0, stats.ArticleCount);
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
