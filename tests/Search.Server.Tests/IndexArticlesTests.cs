using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests;

/// <summary>IndexArticles over gRPC on an empty index with a small article size limit.</summary>
public sealed class IndexArticlesTests(SmallLimitServerFixture fixture) : IClassFixture<SmallLimitServerFixture>
{
    [Fact]
    public async Task IndexArticles_InvalidArticlesInBatch_ReportedByPositionAndValidOnesLand()
    {
        var oversized = NewArticle("ia-big", "Big", new string('x', SmallLimitServerFixture.MaxArticleBytes + 1));
        var request = Batch(
            NewArticle("ia-ok-1", "First valid article"),
            NewArticle("", "No id at all"),
            NewArticle("ia-empty", "", ""),
            oversized,
            NewArticle("ia-ok-2", "", "Only a body here"));

        IndexArticlesResponse response = await fixture.Index.IndexArticlesAsync(request);

        Assert.Equal(2, response.Indexed);
        Assert.Equal(3, response.Failed);
        Assert.Equal([1, 2, 3], response.Errors.Select(e => e.Index).ToArray());
        Assert.Equal(["", "ia-empty", "ia-big"], response.Errors.Select(e => e.Id).ToArray());
        Assert.Contains("id", response.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("title", response.Errors[1].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("too large", response.Errors[2].Message, StringComparison.OrdinalIgnoreCase);
        foreach (string id in new[] { "ia-ok-1", "ia-ok-2" })
        {
            var article = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = id, MinGeneration = response.Generation });
            Assert.Equal(id, article.Id);
        }
        await GrpcAssert.FailsAsync(StatusCode.NotFound,
            () => fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "ia-big", MinGeneration = response.Generation }).ResponseAsync);
    }

    [Fact]
    public async Task IndexArticles_DuplicateIdsInOneBatch_LastWinsAndBothCount()
    {
        var request = Batch(NewArticle("ia-dup", "First version"), NewArticle("ia-dup", "Second version"));

        IndexArticlesResponse response = await fixture.Index.IndexArticlesAsync(request);

        Assert.Equal(2, response.Indexed);
        Assert.Equal(0, response.Failed);
        var article = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "ia-dup", MinGeneration = response.Generation });
        Assert.Equal("Second version", article.Title);
        var search = await fixture.Search.SearchAsync(new SearchRequest { Query = "version", MinGeneration = response.Generation });
        Assert.Single(search.Hits, h => h.Article.Id == "ia-dup");
    }

    [Fact]
    public async Task IndexArticles_BatchAfterGenerationBecameVisible_GetsHigherGeneration()
    {
        // Writes inside one refresh window share a generation (it names the searcher that will show them), so
        // "grows" is checked across a visible generation: once the first batch is searchable, the next is newer.
        var first = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("ia-gen-1", "Generation one")));
        await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "ia-gen-1", MinGeneration = first.Generation });
        var second = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("ia-gen-2", "Generation two")));
        var stats = await fixture.Index.GetIndexStatsAsync(new GetIndexStatsRequest());

        Assert.True(first.Generation > 0, $"generation {first.Generation}");
        Assert.True(second.Generation > first.Generation, $"{second.Generation} after {first.Generation}");
        Assert.True(stats.Generation >= second.Generation, $"stats generation {stats.Generation} behind {second.Generation}");
    }

    [Fact]
    public async Task GetArticle_WithMinGenerationOfWrite_SeesArticleImmediately()
    {
        // Run several rounds: with a 1 s refresh interval a missing wait would show within a few tries.
        for (int round = 0; round < 5; round++)
        {
            string id = $"ia-ryw-{round}";
            var response = await fixture.Index.IndexArticlesAsync(Batch(NewArticle(id, $"Read your writes marker{round}", "Body text.")));

            var article = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = id, MinGeneration = response.Generation });
            var search = await fixture.Search.SearchAsync(new SearchRequest { Query = $"marker{round}", MinGeneration = response.Generation });

            Assert.Equal($"Read your writes marker{round}", article.Title);
            Assert.Equal("Body text.", article.Body);
            Assert.Equal(id, Assert.Single(search.Hits).Article.Id);
            Assert.True(search.Generation >= response.Generation, $"search ran on {search.Generation}, write was {response.Generation}");
        }
    }

    [Fact]
    public async Task IndexArticles_UpsertSameId_ReplacesAndSearchShowsOneHit()
    {
        var first = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("ia-upsert", "Kangaroo original", "marsupial text")));
        var second = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("ia-upsert", "Kangaroo replaced", "marsupial text again")));

        var article = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "ia-upsert", MinGeneration = second.Generation });
        var search = await fixture.Search.SearchAsync(new SearchRequest { Query = "kangaroo", MinGeneration = second.Generation });
        var old = await fixture.Search.SearchAsync(new SearchRequest { Query = "original", MinGeneration = second.Generation });

        Assert.True(second.Generation >= first.Generation);
        Assert.Equal("Kangaroo replaced", article.Title);
        Assert.Equal(1, search.TotalHits);
        Assert.Equal("ia-upsert", Assert.Single(search.Hits).Article.Id);
        Assert.Equal(0, old.TotalHits);
    }

    [Fact]
    public async Task GetIndexStats_IdleAfterWriteIsVisible_GenerationIsLastAcknowledgedAndSearchableCaughtUp()
    {
        var written = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("ia-stats", "Stats article")));
        await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "ia-stats", MinGeneration = written.Generation });

        var stats = await fixture.Index.GetIndexStatsAsync(new GetIndexStatsRequest());

        // The contract: generation is the latest one acknowledged to a writer, so with no write since, it is ours,
        // and a client polling for searchable_generation >= generation sees the index caught up.
        Assert.Equal(written.Generation, stats.Generation);
        Assert.True(stats.SearchableGeneration >= stats.Generation, $"searchable {stats.SearchableGeneration} < generation {stats.Generation}");
    }
}
