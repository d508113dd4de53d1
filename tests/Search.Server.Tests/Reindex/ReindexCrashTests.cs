using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Search.Server.Tests.Reindex;

/// <summary>A server killed in the middle of a rebuild comes back on the old generation, whole, and says what happened.</summary>
public sealed class ReindexCrashTests(ITestOutputHelper output)
{
    private const int ArticleCount = 20_000;

    [Fact]
    public async Task A_kill_during_a_rebuild_leaves_the_old_generation_live_and_the_job_failed_as_interrupted()
    {
        using var root = new TempDirectory();
        string indexPath = Path.Combine(root.Path, "index");
        string current;
        string jobId;

        await using (ChildServerProcess first = await ChildServerProcess.StartAsync(indexPath, root.Path))
        {
            await SyntheticArticles.IndexAsync(first.Index, first.Search, ArticleCount);
            // Writes are acknowledged once durable, so CURRENT and the generation on disk are final here.
            current = await File.ReadAllTextAsync(Path.Combine(indexPath, "CURRENT"));

            jobId = (await first.Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id;
            ReindexJob job = await WaitUntilBuildingAsync(first, jobId);
            output.WriteLine($"killing at {job.State} {job.Processed}/{job.Total}");
            Assert.True(job.State == ReindexState.Running, $"the rebuild was {job.State} before it could be interrupted; seed more articles");
            // The partial generation is on disk now; the kill must leave it behind for the restart to clean up.
            Assert.Equal(2, Directory.GetDirectories(indexPath, "g-*").Length);

            await first.KillAsync();
        }

        await using ChildServerProcess second = await ChildServerProcess.StartAsync(indexPath, root.Path);

        Assert.Equal(current, await File.ReadAllTextAsync(Path.Combine(indexPath, "CURRENT")));
        string[] generations = Directory.GetDirectories(indexPath, "g-*").Select(Path.GetFileName).ToArray()!;
        Assert.Equal([current.Trim()], generations);
        IndexStats stats = await second.Index.GetIndexStatsAsync(new GetIndexStatsRequest());
        Assert.Equal(ArticleCount, stats.ArticleCount);
        SearchResponse all = await second.Search.SearchAsync(new SearchRequest { Query = "synthetic", PageSize = 1 });
        Assert.Equal(ArticleCount, all.TotalHits);
        Assert.Equal(SyntheticArticles.LighthouseCount(ArticleCount),
            (await second.Search.SearchAsync(new SearchRequest { Query = "lighthouse", PageSize = 1 })).TotalHits);

        ReindexJob interrupted = await second.Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = jobId });
        Assert.Equal(ReindexState.Failed, interrupted.State);
        Assert.Contains("interrupted", interrupted.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(interrupted.Finished);
        Assert.Equal(jobId, (await second.Reindex.ListReindexJobsAsync(new ListReindexJobsRequest())).Jobs[0].Id);

        // The restarted server can rebuild again.
        ReindexJob again = await second.Reindex.WaitForEndAsync((await second.Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id);
        Assert.True(again.State == ReindexState.Succeeded, again.Message + "\n" + second.Output);
        Assert.Equal(ArticleCount, again.Processed);
    }

    /// <summary>Polls until the job is building with part of the articles copied.</summary>
    private static async Task<ReindexJob> WaitUntilBuildingAsync(ChildServerProcess server, string id)
    {
        while (true)
        {
            ReindexJob job = await server.Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = id });
            if (job.State != ReindexState.Queued && !(job.State == ReindexState.Running && job.Processed == 0))
            {
                return job;
            }
            await Task.Delay(10);
        }
    }
}
