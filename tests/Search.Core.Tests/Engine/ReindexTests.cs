using Search.Core.Model;
using Search.Core.Querying;
using Search.Core.Reindexing;

namespace Search.Core.Tests.Engine;

public sealed class ReindexTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    private ReindexCoordinator Jobs => _engine.Get<ReindexCoordinator>();

    private async Task<ReindexJobSnapshot> RunToEnd(ReindexRequest request)
    {
        ReindexJobSnapshot started = Jobs.Start(request);
        await Jobs.WaitForIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return Jobs.Get(started.Id);
    }

    [Fact]
    public async Task Reindex_FromLiveIndex_SwapsInANewGenerationWithEveryArticle()
    {
        _engine.Index(TestArticles.Create(300));
        long before = _engine.Host.Current.CurrentGeneration;
        string oldPath = _engine.Host.Current.Path;

        ReindexJobSnapshot job = await RunToEnd(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));

        Assert.Equal(ReindexState.Succeeded, job.State);
        Assert.Equal(300, job.Processed);
        Assert.True(job.Generation > before, $"generation {job.Generation} should exceed {before}");
        Assert.NotEqual(oldPath, _engine.Host.Current.Path);
        Assert.False(Directory.Exists(oldPath));
        Assert.Equal(300, _engine.Search(new SearchQuery()).TotalHits);
        Assert.Equal(Path.GetFileName(_engine.Host.Current.Path), File.ReadAllText(Path.Combine(_engine.Root, "CURRENT")).Trim());
    }

    [Fact]
    public async Task Reindex_WritesAcknowledgedDuringTheRebuild_SurviveTheSwap()
    {
        _engine.Index(TestArticles.Create(3000));
        Jobs.Start(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));
        var added = new List<string>();
        var deleted = new List<string>();
        long lastGeneration = 0;
        int round = 0;
        while (!Jobs.WaitForIdleAsync().IsCompleted && round < 500)
        {
            string id = $"during-{round}";
            await _engine.Writer.IndexAsync([new Article { Id = id, Title = "written during the rebuild", Body = "body" }], CancellationToken.None);
            added.Add(id);
            string victim = $"a-{round * 5:D4}";
            (_, lastGeneration) = await _engine.Writer.DeleteAsync([victim], CancellationToken.None);
            deleted.Add(victim);
            round++;
        }
        await Jobs.WaitForIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(ReindexState.Succeeded, Jobs.List()[0].State);
        // Read-your-writes: wait for the last acknowledged generation, which the swap must not have lost.
        Assert.True(_engine.Host.Current.WaitForGeneration(lastGeneration, TimeSpan.FromSeconds(10)));

        foreach (string id in added)
        {
            Assert.NotNull(_engine.Searcher.GetArticle(id, 0, CancellationToken.None));
        }
        foreach (string id in deleted)
        {
            Assert.Null(_engine.Searcher.GetArticle(id, 0, CancellationToken.None));
        }
        Assert.Equal(3000 + added.Count - deleted.Count, _engine.Search(new SearchQuery()).TotalHits);
    }

    [Fact]
    public async Task Reindex_SearchesDuringTheRebuild_NeverFailOrSeeAPartialIndex()
    {
        _engine.Index(TestArticles.Create(2000));
        long expected = _engine.Search(new SearchQuery { Text = "police" }).TotalHits;
        Jobs.Start(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));
        int searches = 0;
        do
        {
            Assert.Equal(expected, _engine.Search(new SearchQuery { Text = "police" }).TotalHits);
            searches++;
        }
        while (!Jobs.WaitForIdleAsync().IsCompleted);
        Assert.Equal(expected, _engine.Search(new SearchQuery { Text = "police" }).TotalHits);
        Assert.True(searches > 0);
        Assert.Equal(ReindexState.Succeeded, Jobs.List()[0].State);
    }

    [Fact]
    public async Task Reindex_Cancelled_LeavesTheLiveIndexExactlyAsItWas()
    {
        _engine.Index(TestArticles.Create(4000));
        string livePath = _engine.Host.Current.Path;
        ReindexJobSnapshot started = Jobs.Start(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));

        var second = Assert.Throws<SearchRequestException>(() => Jobs.Start(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false)));
        Assert.Equal(SearchErrorKind.FailedPrecondition, second.Kind);
        Assert.Contains(started.Id, second.Message, StringComparison.Ordinal);

        Jobs.Cancel(started.Id);
        await Jobs.WaitForIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(ReindexState.Cancelled, Jobs.Get(started.Id).State);
        Assert.Equal(livePath, _engine.Host.Current.Path);
        Assert.Equal([Path.GetFileName(livePath)], Directory.GetDirectories(_engine.Root).Select(Path.GetFileName));
        Assert.Equal(4000, _engine.Search(new SearchQuery()).TotalHits);
        var finished = Assert.Throws<SearchRequestException>(() => Jobs.Cancel(started.Id));
        Assert.Equal(SearchErrorKind.FailedPrecondition, finished.Kind);
    }

    [Fact]
    public async Task Reindex_AfterAGazetteerChange_UpdatesTheOrganisationFacet()
    {
        string gazetteer = Path.Combine(_engine.Root, "..", Guid.NewGuid().ToString("N") + "-gazetteer.json");
        File.WriteAllText(gazetteer, """{"version": "t1", "organisations": []}""");
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Search:GazetteerPath"] = gazetteer });
        engine.Index([new Article { Id = "x1", Title = "Zorblax Widgets warns customers", Body = "Zorblax Widgets said the outage is over." }]);
        var before = engine.Search(new SearchQuery { Facets = [new FacetSpec("organisation", 100)] }).Facets[0].Values.Select(v => v.Value).ToList();
        Assert.DoesNotContain("Zorblax Industries", before);

        File.WriteAllText(gazetteer, """{"version": "t2", "organisations": [{"name": "Zorblax Industries", "kind": "company", "aliases": ["Zorblax Widgets"]}]}""");
        var jobs = engine.Get<ReindexCoordinator>();
        jobs.Start(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));
        await jobs.WaitForIdleAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ReindexState.Succeeded, jobs.List()[0].State);
        var after = engine.Search(new SearchQuery { Facets = [new FacetSpec("organisation", 100)] }).Facets[0].Values;
        Assert.True(after.Any(v => v.Value == "Zorblax Industries"), string.Join(", ", after.Select(v => v.Value)) + " / " + jobs.List()[0].Message);
        Assert.Contains(after, v => v.Value == "Zorblax Industries" && v.Count == 1);
        Assert.Equal(1, engine.Search(new SearchQuery { Filter = new SearchFilterSpec { Organisations = ["zorblax widgets"] } }).TotalHits);
        File.Delete(gazetteer);
    }

    [Fact]
    public async Task Reindex_FilesWithReplace_KeepsOnlyTheFilesArticles()
    {
        _engine.Index(TestArticles.Create(50));
        string folder = Path.Combine(_engine.Root, "..", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "feed.jsonl"),
        [
            """{"id": "f1", "title": "First file article", "body": "text", "source": "Feed"}""",
            """{"id": "f2", "title": "Second file article", "body": "text", "source": "Feed"}""",
            """{"id": "", "title": "no id", "body": "text"}""",
        ]);
        using var engine = new EngineFixture(_engine.Root + "-files", new Dictionary<string, string?> { ["Search:ReindexAllowedRoot"] = folder });
        engine.Index(TestArticles.Create(20));
        var jobs = engine.Get<ReindexCoordinator>();

        var outside = Assert.Throws<SearchRequestException>(() => jobs.Start(new ReindexRequest(ReindexSourceKind.Files, ["/etc"], true)));
        Assert.Equal(SearchErrorKind.InvalidArgument, outside.Kind);

        jobs.Start(new ReindexRequest(ReindexSourceKind.Files, [folder], true));
        await jobs.WaitForIdleAsync().WaitAsync(TimeSpan.FromMinutes(1));
        ReindexJobSnapshot job = jobs.List()[0];

        Assert.Equal(ReindexState.Succeeded, job.State);
        Assert.Equal(1, job.Failed);
        Assert.Contains("feed.jsonl:3", job.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, engine.Search(new SearchQuery()).TotalHits);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Reindex_HistoryAndLiveGeneration_SurviveARestart()
    {
        _engine.Index(TestArticles.Create(40));
        ReindexJobSnapshot job = await RunToEnd(new ReindexRequest(ReindexSourceKind.LiveIndex, [], false));
        string livePath = _engine.Host.Current.Path;
        long generation = _engine.Host.Current.CurrentGeneration;
        _engine.Close();

        using var reopened = new EngineFixture(_engine.Root);
        Assert.Equal(livePath, reopened.Host.Current.Path);
        Assert.True(reopened.Host.Current.CurrentGeneration >= generation);
        Assert.Equal(40, reopened.Search(new SearchQuery()).TotalHits);
        Assert.Equal(ReindexState.Succeeded, reopened.Get<ReindexCoordinator>().Get(job.Id).State);
    }

    public void Dispose() => _engine.Dispose();
}
