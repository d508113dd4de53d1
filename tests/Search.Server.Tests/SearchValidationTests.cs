using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>Requests the service must refuse with INVALID_ARGUMENT and a message a person can act on.</summary>
public sealed class SearchValidationTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private Task<SearchResponse> Run(SearchRequest request) => fixture.Search.SearchAsync(request).ResponseAsync;

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("(a AND")]
    [InlineData("AND")]
    public async Task Search_QueryThatDoesNotParse_InvalidArgumentWithPosition(string query)
    {
        var ex = await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(new SearchRequest { Query = query }), "query");

        Assert.True(ex.Status.Detail.Contains("column", StringComparison.OrdinalIgnoreCase)
            || ex.Status.Detail.Contains("position", StringComparison.OrdinalIgnoreCase), ex.Status.Detail);
    }

    [Fact]
    public async Task Search_UnknownField_InvalidArgumentNamingValidFields()
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(new SearchRequest { Query = "foo:bar" }),
            "foo", "title", "body", "source", "author", "tag", "organisation");
    }

    [Fact]
    public async Task Search_PageSizeAboveLimit_InvalidArgument()
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(new SearchRequest { PageSize = 101 }), "page_size");
    }

    [Fact]
    public async Task Search_PageSizeAtLimit_Accepted()
    {
        var response = await Run(new SearchRequest { PageSize = 100 });

        Assert.Equal(SearchServerFixture.SampleCount, response.Hits.Count);
    }

    [Fact]
    public async Task Search_UnknownFacetField_InvalidArgumentNamingValidFields()
    {
        var request = new SearchRequest { Facets = { new FacetRequest { Field = "colour" } } };

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(request),
            "colour", "source", "organisation", "tag", "author", "published");
    }

    [Fact]
    public async Task Search_FacetLimitAboveMaximum_InvalidArgument()
    {
        var request = new SearchRequest { Facets = { new FacetRequest { Field = "source", Limit = 1001 } } };

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(request), "limit");
    }

    [Fact]
    public async Task Search_MalformedPageToken_InvalidArgument()
    {
        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Run(new SearchRequest { PageToken = "not-a-token!" }), "page_token");
    }

    [Fact]
    public async Task Search_PageTokenReusedWithDifferentQuery_InvalidArgument()
    {
        var first = await Run(new SearchRequest { Query = "europol", PageSize = 2 });
        Assert.NotEmpty(first.NextPageToken);

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => Run(new SearchRequest { Query = "police", PageSize = 2, PageToken = first.NextPageToken }), "page_token");
    }

    [Fact]
    public async Task Search_PageTokenReusedWithDifferentSort_InvalidArgument()
    {
        var first = await Run(new SearchRequest { PageSize = 2, Sort = SortOrder.Newest });
        Assert.NotEmpty(first.NextPageToken);

        await GrpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => Run(new SearchRequest { PageSize = 2, Sort = SortOrder.Oldest, PageToken = first.NextPageToken }), "page_token");
    }
}
