using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// One batch mixing hostile and valid articles: every bad one is reported with its batch index, and every valid
/// one lands as sent.
/// </summary>
public sealed class HostileIngestTests(SmallLimitServerFixture fixture) : IClassFixture<SmallLimitServerFixture>
{
    [Fact]
    public async Task IndexArticles_HostileMixedBatch_EachBadOneReportedByIndexAndValidOnesLand()
    {
        var beyondYear9999 = new Timestamp { Seconds = 253402300800 + 86400 };
        var batch = Batch(
            NewArticle("hostile-ok-first", "A plain article"),
            NewArticle("hostile-nul", "Title with \0 NUL", "Body \0\0 with NULs"),
            NewArticle("hostile-huge", "Huge", new string('h', SmallLimitServerFixture.MaxArticleBytes * 3)),
            new Article { Id = "hostile-future", Title = "Dated too late", Published = beyondYear9999 },
            NewArticle("hostile-dup", "First version"),
            NewArticle("hostile-dup", "Second version"),
            NewArticle("", "No id at all"),
            NewArticle("hostile-blank", "  \t ", " \n "),
            NewArticle("hostile-id-\0", "NUL in the id"),
            new Article { Id = "hostile-negative-nanos", Title = "Bad nanos", Published = new Timestamp { Seconds = 0, Nanos = -1 } },
            NewArticle("hostile-ok-last", "Another plain article", "\u202eright-to-left override \ud83d\ude00"));

        var response = await fixture.Index.IndexArticlesAsync(batch);

        Assert.Equal([2, 3, 6, 7, 8, 9], response.Errors.Select(e => e.Index).Order());
        Assert.All(response.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(6, response.Failed);
        // The duplicates each count; the later one wins.
        Assert.Equal(5, response.Indexed);
        Assert.Equal("hostile-future", response.Errors.Single(e => e.Index == 3).Id);
        Assert.Contains("published", response.Errors.Single(e => e.Index == 3).Message, StringComparison.Ordinal);
        Article nul = await GetAsync("hostile-nul", response.Generation);
        Assert.Equal("Body \0\0 with NULs", nul.Body);
        Assert.Equal("Second version", (await GetAsync("hostile-dup", response.Generation)).Title);
        Assert.Equal("Another plain article", (await GetAsync("hostile-ok-last", response.Generation)).Title);
        Assert.Equal("\u202eright-to-left override \ud83d\ude00", (await GetAsync("hostile-ok-last", response.Generation)).Body);
        Assert.Equal("A plain article", (await GetAsync("hostile-ok-first", response.Generation)).Title);
        foreach (string rejected in (string[])["hostile-huge", "hostile-future", "hostile-blank", "hostile-negative-nanos"])
        {
            await GrpcAssert.FailsAsync(StatusCode.NotFound, () => fixture.Search.GetArticleAsync(new GetArticleRequest { Id = rejected }).ResponseAsync);
        }
    }

    [Fact]
    public async Task IndexArticleStream_HostileBatches_EachResponseReportsItsOwnIndexes()
    {
        using var call = fixture.Index.IndexArticleStream();
        await call.RequestStream.WriteAsync(Batch(NewArticle("", "no id"), NewArticle("hostile-stream-1", "Fine")));
        await call.RequestStream.WriteAsync(Batch(NewArticle("hostile-stream-2", "Fine"), NewArticle("hostile-stream-3", " ", " ")));
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(2, responses.Count);
        Assert.Equal(0, Assert.Single(responses[0].Errors).Index);
        Assert.Equal(1, Assert.Single(responses[1].Errors).Index);
        Assert.Equal("Fine", (await GetAsync("hostile-stream-2", responses[1].Generation)).Title);
    }

    [Fact]
    public async Task Search_ArticleWithNulAndEmoji_SearchableAndHighlightedWithoutError()
    {
        var written = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("hostile-text", "Zebracorn \0 sighting \ud83e\udd84", "The zebracorn\0was seen \u202e here.")));
        var request = new SearchRequest { Query = "zebracorn", MinGeneration = written.Generation, Highlight = new HighlightOptions() };

        var response = await fixture.Search.SearchAsync(request);

        var hit = Assert.Single(response.Hits);
        Assert.Equal("hostile-text", hit.Article.Id);
        Assert.NotEmpty(hit.Highlights);
    }

    private async Task<Article> GetAsync(string id, long generation) =>
        await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = id, MinGeneration = generation });
}
