using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests;

/// <summary>IndexArticleStream and DeleteArticles over gRPC on an empty index.</summary>
public sealed class StreamAndDeleteTests(SmallLimitServerFixture fixture) : IClassFixture<SmallLimitServerFixture>
{
    [Fact]
    public async Task IndexArticleStream_SeveralBatches_OneResponsePerBatchInOrderWithCounts()
    {
        // Batch i holds i+1 valid articles and, on odd batches, one invalid article, so each response is distinct.
        const int Batches = 6;
        using var call = fixture.Index.IndexArticleStream();
        var expected = new List<(int Indexed, int Failed)>();
        for (int i = 0; i < Batches; i++)
        {
            var batch = new IndexArticlesRequest();
            for (int j = 0; j <= i; j++)
            {
                batch.Articles.Add(NewArticle($"st-{i}-{j}", $"Stream batch {i} article {j}"));
            }
            if (i % 2 == 1)
            {
                batch.Articles.Add(NewArticle($"st-{i}-bad", "", ""));
            }
            expected.Add((i + 1, i % 2));
            await call.RequestStream.WriteAsync(batch);
        }
        await call.RequestStream.CompleteAsync();

        var responses = new List<IndexArticlesResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal(expected, responses.Select(r => (r.Indexed, r.Failed)).ToList());
        // The invalid article of batch i sits after its i+1 valid ones: its position is i+1 within that batch.
        Assert.Equal([2, 4, 6], responses.SelectMany(r => r.Errors).Select(e => e.Index).ToArray());
        for (int i = 1; i < responses.Count; i++)
        {
            Assert.True(responses[i].Generation >= responses[i - 1].Generation, "generations go backwards in the stream");
        }
        long last = responses[^1].Generation;
        var article = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = $"st-{Batches - 1}-{Batches - 1}", MinGeneration = last });
        Assert.Equal($"Stream batch {Batches - 1} article {Batches - 1}", article.Title);
    }

    [Fact]
    public async Task DeleteArticles_MixOfKnownAndUnknownIds_CountsOnlyExistingAndRemovesThem()
    {
        var written = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("del-1", "Delete me one"), NewArticle("del-2", "Delete me two")));
        Assert.Equal(2, written.Indexed);

        var request = new DeleteArticlesRequest();
        request.Ids.AddRange(["del-1", "del-unknown", "del-2", "del-also-unknown"]);
        DeleteArticlesResponse deleted = await fixture.Index.DeleteArticlesAsync(request);

        Assert.Equal(2, deleted.Deleted);
        Assert.True(deleted.Generation >= written.Generation, $"{deleted.Generation} after {written.Generation}");
        foreach (string id in new[] { "del-1", "del-2" })
        {
            await GrpcAssert.FailsAsync(StatusCode.NotFound,
                () => fixture.Search.GetArticleAsync(new GetArticleRequest { Id = id, MinGeneration = deleted.Generation }).ResponseAsync, id);
        }
        var search = await fixture.Search.SearchAsync(new SearchRequest { Query = "delete", MinGeneration = deleted.Generation });
        Assert.DoesNotContain(search.Hits, h => h.Article.Id.StartsWith("del-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteArticles_SameIdTwice_SecondDeleteCountsZero()
    {
        var written = await fixture.Index.IndexArticlesAsync(Batch(NewArticle("del-twice", "Delete twice")));
        var once = await fixture.Index.DeleteArticlesAsync(new DeleteArticlesRequest { Ids = { "del-twice" } });
        var twice = await fixture.Index.DeleteArticlesAsync(new DeleteArticlesRequest { Ids = { "del-twice" } });

        Assert.True(once.Generation >= written.Generation);
        Assert.Equal(1, once.Deleted);
        Assert.Equal(0, twice.Deleted);
    }

    [Fact]
    public async Task GetArticle_UnknownId_NotFound()
    {
        await GrpcAssert.FailsAsync(StatusCode.NotFound,
            () => fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "no-such-article" }).ResponseAsync, "no-such-article");
    }

    [Fact]
    public async Task DeleteArticles_SameIdListedTwice_CountsOnce()
    {
        await fixture.Index.IndexArticlesAsync(Batch(NewArticle("del-listed-twice", "Listed twice")));

        var deleted = await fixture.Index.DeleteArticlesAsync(new DeleteArticlesRequest { Ids = { "del-listed-twice", "del-listed-twice" } });

        Assert.Equal(1, deleted.Deleted);
    }
}
