using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests.Hardening;

/// <summary>Each resource guard refuses with the right status and names its limit, and the limit is per request, not per connection.</summary>
public sealed class ResourceGuardTests(GuardServerFixture fixture) : IClassFixture<GuardServerFixture>
{
    [Fact]
    public async Task Search_QueryLongerThanMaxQueryLength_InvalidArgumentNamingLimit()
    {
        string query = new('x', GuardServerFixture.MaxQueryLength + 1);

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => fixture.Search.SearchAsync(new SearchRequest { Query = query }).ResponseAsync, "MaxQueryLength");
    }

    [Fact]
    public async Task Search_TwoThousandOredWords_ResourceExhaustedNamingMaxBooleanClauses()
    {
        string query = string.Join(" OR ", Enumerable.Range(0, 2000).Select(i => "word" + i));

        await GrpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => fixture.Search.SearchAsync(new SearchRequest { Query = query }).ResponseAsync, "MaxBooleanClauses");
    }

    [Fact]
    public async Task Search_PrefixPastMaxTermExpansions_ResourceExhaustedNamingLimit()
    {
        await GrpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => fixture.Search.SearchAsync(new SearchRequest { Query = "s*" }).ResponseAsync, "MaxTermExpansions");
    }

    [Fact]
    public async Task Search_LeadingWildcardNotAllowed_InvalidArgument()
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => fixture.Search.SearchAsync(new SearchRequest { Query = "*curity" }).ResponseAsync, "AllowLeadingWildcard");
    }

    [Fact]
    public async Task Search_PageSizeAboveMax_InvalidArgumentNamingField()
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => fixture.Search.SearchAsync(new SearchRequest { PageSize = 101 }).ResponseAsync, "page_size");
    }

    [Fact]
    public async Task Search_FacetLimitAboveMax_InvalidArgumentNamingLimit()
    {
        var request = new SearchRequest { Facets = { new FacetRequest { Field = "source", Limit = 1001 } } };

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => fixture.Search.SearchAsync(request).ResponseAsync, "MaxFacetLimit");
    }

    [Fact]
    public async Task SearchFacetValues_LimitAboveMax_InvalidArgumentNamingLimit()
    {
        var request = new SearchFacetValuesRequest { Field = "source", Prefix = "s", Limit = 1001 };

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => fixture.Search.SearchFacetValuesAsync(request).ResponseAsync, "MaxFacetLimit");
    }

    [Fact]
    public async Task IndexArticles_BatchAboveMaxBatchArticles_ResourceExhaustedNamingLimitAndNothingLands()
    {
        var batch = Batch(Enumerable.Range(0, GuardServerFixture.MaxBatchArticles + 1).Select(i => NewArticle($"guard-batch-{i}", "Too many in one batch")).ToArray());

        await GrpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => fixture.Index.IndexArticlesAsync(batch).ResponseAsync, "MaxBatchArticles");
        await GrpcAssert.FailsAsync(StatusCode.NotFound, () => fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "guard-batch-0" }).ResponseAsync);
    }

    [Fact]
    public async Task IndexArticles_MessageAboveMaxRequestBytes_ResourceExhaustedNamingLimit()
    {
        var batch = Batch(NewArticle("guard-huge-message", "Two megabytes", new string('b', 2 * GuardServerFixture.MaxRequestBytes)));

        await GrpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => fixture.Index.IndexArticlesAsync(batch).ResponseAsync, "MaxRequestBytes");
    }

    [Fact]
    public async Task IndexArticleStream_ManyMessagesEachUnderMaxRequestBytes_AllAcknowledged()
    {
        // The limit is per message: a long ingest stream carries far more than MaxRequestBytes in total.
        string body = string.Join(' ', Enumerable.Repeat("streamed words", 10_000));
        using var call = fixture.Index.IndexArticleStream();
        int batches = 0;
        for (int b = 0; b < 8; b++)
        {
            var batch = Batch(Enumerable.Range(0, 2).Select(i => NewArticle($"guard-stream-{b}-{i}", "Streamed past the total", body)).ToArray());
            await call.RequestStream.WriteAsync(batch);
            batches++;
        }
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(batches, responses.Count);
        Assert.All(responses, r => Assert.Equal(2, r.Indexed));
        var last = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "guard-stream-7-1", MinGeneration = responses[^1].Generation });
        Assert.Equal("Streamed past the total", last.Title);
    }

    [Fact]
    public async Task IndexArticles_ArticleAboveMaxArticleBytes_ReportedWithIndexAndRestLands()
    {
        var batch = Batch(
            NewArticle("guard-size-ok-1", "Small one"),
            NewArticle("guard-size-big", "Big one", new string('w', GuardServerFixture.MaxArticleBytes + 1)),
            NewArticle("guard-size-ok-2", "Small two"));

        var response = await fixture.Index.IndexArticlesAsync(batch);

        Assert.Equal(2, response.Indexed);
        var error = Assert.Single(response.Errors);
        Assert.Equal(1, error.Index);
        Assert.Equal("guard-size-big", error.Id);
        Assert.Contains("too large", error.Message, StringComparison.OrdinalIgnoreCase);
        var second = await fixture.Search.GetArticleAsync(new GetArticleRequest { Id = "guard-size-ok-2", MinGeneration = response.Generation });
        Assert.Equal("Small two", second.Title);
    }
}
