using Search.Contracts.V1;

namespace Search.Server.Tests.Reindex;

/// <summary>Searches go on through a rebuild and its swap, and see the same articles before, during and after.</summary>
[Collection(ReindexCollection.Name)]
public sealed class SearchDuringReindexTests(ReindexFixture fixture)
{
    [Fact]
    public async Task Searches_in_a_loop_never_fail_and_their_total_never_changes()
    {
        int expected = SyntheticArticles.LighthouseCount(ReindexFixture.ArticleCount);
        var request = new SearchRequest { Query = "lighthouse", PageSize = 5, Facets = { new FacetRequest { Field = "source" } } };
        Assert.Equal(expected, (await fixture.Server.Search.SearchAsync(request)).TotalHits);

        ReindexJob started = await fixture.Reindex.StartReindexAsync(ReindexClientExtensions.LiveIndex());
        Task<ReindexJob> end = fixture.Reindex.WaitForEndAsync(started.Id);
        var totals = new List<long>();
        var statesSeen = new HashSet<ReindexState>();
        while (!end.IsCompleted)
        {
            // A failure here (a closed reader at the swap, say) fails the test with its status.
            SearchResponse response = await fixture.Server.Search.SearchAsync(request);
            totals.Add(response.TotalHits);
            Assert.Equal(5, response.Hits.Count);
            statesSeen.Add((await fixture.Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = started.Id })).State);
        }
        ReindexJob finished = await end;

        Assert.True(finished.State == ReindexState.Succeeded, finished.Message);
        Assert.Contains(ReindexState.Running, statesSeen);
        Assert.True(totals.Count >= 3, $"only {totals.Count} searches ran during the rebuild");
        Assert.All(totals, total => Assert.Equal(expected, total));
        // And the first searches on the new generation.
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(expected, (await fixture.Server.Search.SearchAsync(request)).TotalHits);
        }
    }
}
