using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Reindex;

/// <summary>The reindex job lifecycle over gRPC: start, watch, get, list, cancel, and the errors of each.</summary>
[Collection(ReindexCollection.Name)]
public sealed class ReindexJobTests(ReindexFixture fixture)
{
    private ReindexService.ReindexServiceClient Reindex => fixture.Reindex;

    [Fact]
    public async Task Watch_streams_running_then_succeeded_with_every_article_and_a_newer_generation()
    {
        long before = (await fixture.Server.Index.GetIndexStatsAsync(new GetIndexStatsRequest())).Generation;

        ReindexJob started = await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex());
        List<ReindexJob> updates = await Reindex.WatchToEndAsync(started.Id);

        Assert.Contains(updates, u => u.State == ReindexState.Running);
        // States only move forward through the lifecycle.
        Assert.Equal(updates.Select(u => (int)u.State).Order(), updates.Select(u => (int)u.State));
        ReindexJob last = updates[^1];
        Assert.True(last.State == ReindexState.Succeeded, last.Message);
        Assert.Equal(ReindexFixture.ArticleCount, last.Processed);
        Assert.Equal(ReindexFixture.ArticleCount, last.Total);
        Assert.Equal(0, last.Failed);
        Assert.True(last.Generation > before, $"generation {last.Generation} is not after {before}");
        Assert.NotNull(last.Finished);
        Assert.All(updates, u => Assert.Equal(started.Id, u.Id));

        SearchResponse all = await fixture.Server.Search.SearchAsync(new SearchRequest { Query = "synthetic", PageSize = 1 });
        Assert.Equal(ReindexFixture.ArticleCount, all.TotalHits);
    }

    [Fact]
    public async Task Get_and_list_show_finished_jobs_newest_first()
    {
        ReindexJob first = await Reindex.WaitForEndAsync((await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id);
        ReindexJob second = await Reindex.WaitForEndAsync((await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id);

        ReindexJob got = await Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = first.Id });
        Assert.Equal(first.State, got.State);
        Assert.Equal(first.Processed, got.Processed);
        Assert.Equal(first.Generation, got.Generation);

        ListReindexJobsResponse list = await Reindex.ListReindexJobsAsync(new ListReindexJobsRequest());
        var ids = list.Jobs.Select(j => j.Id).ToList();
        Assert.True(ids.IndexOf(second.Id) >= 0 && ids.IndexOf(second.Id) < ids.IndexOf(first.Id), string.Join(", ", ids));
        Assert.Equal(second.Id, ids[0]);
        Assert.Equal(list.Jobs.Select(j => j.Started.ToDateTimeOffset()).OrderDescending(), list.Jobs.Select(j => j.Started.ToDateTimeOffset()));
    }

    [Fact]
    public async Task Unknown_ids_are_NotFound_for_get_watch_and_cancel()
    {
        await GrpcAssert.FailsAsync(StatusCode.NotFound, async () => await Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = "rj-unknown" }), "rj-unknown");
        await GrpcAssert.FailsAsync(StatusCode.NotFound, () => Reindex.WatchToEndAsync("rj-unknown"), "rj-unknown");
        await GrpcAssert.FailsAsync(StatusCode.NotFound, async () => await Reindex.CancelReindexJobAsync(new CancelReindexJobRequest { Id = "rj-unknown" }), "rj-unknown");
    }

    [Fact]
    public async Task Cancelling_a_finished_job_is_FailedPrecondition()
    {
        ReindexJob done = await Reindex.WaitForEndAsync((await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex())).Id);

        await GrpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            async () => await Reindex.CancelReindexJobAsync(new CancelReindexJobRequest { Id = done.Id }), done.Id, "already finished");
    }

    [Fact]
    public async Task A_second_start_while_one_runs_is_FailedPrecondition_naming_the_running_job()
    {
        ReindexJob running = await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex());
        try
        {
            await GrpcAssert.FailsAsync(StatusCode.FailedPrecondition,
                async () => await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex()), running.Id, "already running");
        }
        finally
        {
            ReindexJob end = await Reindex.WaitForEndAsync(running.Id);
            Assert.Equal(ReindexState.Succeeded, end.State);
        }
    }

    [Fact]
    public async Task Cancelling_a_running_job_leaves_the_live_index_as_it_was()
    {
        long before = (await fixture.Server.Index.GetIndexStatsAsync(new GetIndexStatsRequest())).Generation;
        ReindexJob running = await Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex());

        await Reindex.CancelReindexJobAsync(new CancelReindexJobRequest { Id = running.Id });
        ReindexJob end = await Reindex.WaitForEndAsync(running.Id);

        Assert.True(end.State == ReindexState.Cancelled, $"{end.State}: {end.Message}");
        Assert.Equal(before, (await fixture.Server.Index.GetIndexStatsAsync(new GetIndexStatsRequest())).Generation);
        Assert.Single(Directory.GetDirectories(fixture.IndexPath, "g-*"));
        Assert.Equal(ReindexFixture.ArticleCount, (await fixture.Server.Search.SearchAsync(new SearchRequest { Query = "synthetic", PageSize = 1 })).TotalHits);
    }

    [Fact]
    public async Task Paths_outside_the_allowed_root_are_InvalidArgument()
    {
        // Exists, but is not under the allowed root; a relative escape resolves outside it too.
        foreach (string path in new[] { SearchServerFixture.SamplesPath, Path.Combine("..", "index") })
        {
            var request = new StartReindexRequest { Source = ReindexSource.Files, Paths = { path } };
            await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await Reindex.StartReindexAsync(request), "outside the allowed root");
        }
        var missing = new StartReindexRequest { Source = ReindexSource.Files };
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await Reindex.StartReindexAsync(missing), "paths");
    }

    [Fact]
    public async Task Files_under_the_allowed_root_are_read_on_top_of_the_live_articles()
    {
        string file = Path.Combine(fixture.AllowedRoot, "extra.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id": "syn-000001", "title": "Synthetic report 1 rewritten", "body": "Rewritten.", "source": "Synthetic Wire"}""",
            """{"id": "broken", "title": """,
        ]);
        try
        {
            var request = new StartReindexRequest { Source = ReindexSource.Files, Paths = { "extra.jsonl" } };
            ReindexJob end = await Reindex.WaitForEndAsync((await Reindex.StartReindexAsync(request)).Id);

            Assert.True(end.State == ReindexState.Succeeded, end.Message);
            Assert.Equal(ReindexFixture.ArticleCount + 2, end.Processed);
            Assert.Equal(1, end.Failed);
            Assert.Contains("extra.jsonl:2", Assert.Single(end.Errors).Message, StringComparison.Ordinal);
            SearchResponse rewritten = await fixture.Server.Search.SearchAsync(new SearchRequest { Query = "rewritten" });
            Assert.Equal("syn-000001", Assert.Single(rewritten.Hits).Article.Id);
        }
        finally
        {
            // Put the article back as the other tests expect it.
            await fixture.Server.Index.IndexArticlesAsync(SearchClientExtensions.Batch(SyntheticArticles.Create(1)));
            File.Delete(file);
        }
    }
}
