using Google.Protobuf.WellKnownTypes;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>Filters, date sorts and search-after paging over the seeded samples, checked against brute force.</summary>
public sealed class FilterSortPagingTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private SearchService.SearchServiceClient Client => fixture.Search;

    private async Task<List<string>> FilteredIdsAsync(SearchFilter filter, string query = "")
    {
        var pages = await Client.AllPagesAsync(new SearchRequest { Query = query, Filter = filter, PageSize = 100 });
        return pages.SelectMany(p => p.Hits).Select(h => h.Article.Id).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Expected(IEnumerable<Article> articles) => articles.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Filter_TwoSourcesDifferentCase_MatchesAnyOf()
    {
        var all = await Corpus.AllArticlesAsync(Client);

        var ids = await FilteredIdsAsync(new SearchFilter { Sources = { "REUTERS", "the record" } });

        var expected = Expected(all.Where(a => a.Source is "Reuters" or "The Record"));
        Assert.True(expected.Count >= 4);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filter_SourceAndTag_MustMatchBothFields()
    {
        var all = await Corpus.AllArticlesAsync(Client);

        var ids = await FilteredIdsAsync(new SearchFilter { Sources = { "BleepingComputer" }, Tags = { "Ransomware", "vulnerability" } });

        var expected = Expected(all.Where(a => a.Source == "BleepingComputer"
            && (Corpus.HasValue(a.Tags, "ransomware") || Corpus.HasValue(a.Tags, "vulnerability"))));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count(a => a.Source == "BleepingComputer") || expected.Count < all.Count(a => Corpus.HasValue(a.Tags, "ransomware")));
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filter_OrganisationsAndAuthors_AnyOfWithinAllOfAcross()
    {
        var all = await Corpus.AllArticlesAsync(Client);

        // "FBI" is an alias: the filter resolves it to the canonical name the articles carry.
        var ids = await FilteredIdsAsync(new SearchFilter { Organisations = { "europol", "FBI" }, Authors = { "tom reyes", "Marta Lindqvist" } });

        var expected = Expected(all.Where(a =>
            (Corpus.HasValue(a.Organisations, "Europol") || Corpus.HasValue(a.Organisations, "Federal Bureau of Investigation"))
            && a.Author is "Tom Reyes" or "Marta Lindqvist"));
        Assert.Contains(expected, id => id.StartsWith('s'));
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filter_OrganisationAlias_SameAsCanonicalName()
    {
        var byAlias = await FilteredIdsAsync(new SearchFilter { Organisations = { "fbi" } });
        var byName = await FilteredIdsAsync(new SearchFilter { Organisations = { "Federal Bureau of Investigation" } });

        Assert.NotEmpty(byName);
        Assert.Equal(byName, byAlias);
    }

    [Fact]
    public async Task Filter_FilterWithQuery_NarrowsQueryMatches()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var europol = await Client.IdsAsync("europol");

        var ids = await FilteredIdsAsync(new SearchFilter { Sources = { "security affairs" } }, "europol");

        var expected = Expected(all.Where(a => a.Source == "Security Affairs" && europol.Contains(a.Id)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Filter_PublishedRange_BoundsInclusive()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var dated = all.Where(a => a.Published is not null).OrderBy(a => a.Published.ToDateTimeOffset()).ToList();
        // Bounds exactly on two articles' timestamps: both must be in.
        Timestamp from = dated[3].Published;
        Timestamp to = dated[^4].Published;

        var ids = await FilteredIdsAsync(new SearchFilter { PublishedFrom = from, PublishedTo = to });

        var expected = Expected(dated.Where(a => a.Published.ToDateTimeOffset() >= from.ToDateTimeOffset()
            && a.Published.ToDateTimeOffset() <= to.ToDateTimeOffset()));
        Assert.Contains(dated[3].Id, ids);
        Assert.Contains(dated[^4].Id, ids);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData(SortOrder.Newest)]
    [InlineData(SortOrder.Oldest)]
    public async Task Sort_ByDate_DatedInOrderUndatedLastTiesById(SortOrder sort)
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var dated = all.Where(a => a.Published is not null);
        var byDate = sort == SortOrder.Newest
            ? dated.OrderByDescending(a => a.Published.ToDateTimeOffset())
            : dated.OrderBy(a => a.Published.ToDateTimeOffset());
        var expected = byDate.ThenBy(a => a.Id, StringComparer.Ordinal)
            .Concat(all.Where(a => a.Published is null).OrderBy(a => a.Id, StringComparer.Ordinal))
            .Select(a => a.Id).ToList();
        Assert.Contains(all, a => a.Published is null);

        var pages = await Client.AllPagesAsync(new SearchRequest { Sort = sort, PageSize = 3 });

        Assert.Equal(expected, pages.SelectMany(p => p.Hits).Select(h => h.Article.Id).ToList());
    }

    [Theory]
    [InlineData("")]
    [InlineData("europol")]
    [InlineData("police OR attack")]
    public async Task Paging_WalkAllPages_EveryHitExactlyOnce(string query)
    {
        var pages = await Client.AllPagesAsync(new SearchRequest { Query = query, PageSize = 3 });
        var ids = pages.SelectMany(p => p.Hits).Select(h => h.Article.Id).ToList();

        Assert.True(pages.Count > 1, "the query should need several pages");
        Assert.All(pages, p => Assert.Equal(pages[0].TotalHits, p.TotalHits));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Hits.Count));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(pages[0].TotalHits, ids.Count);
    }

    [Fact]
    public async Task Paging_RelevanceSort_PagesEqualOneBigPage()
    {
        var big = await Client.SearchAsync(new SearchRequest { Query = "europol police", PageSize = 100 });
        var pages = await Client.AllPagesAsync(new SearchRequest { Query = "europol police", PageSize = 2 });

        Assert.Equal(big.Hits.Select(h => h.Article.Id), pages.SelectMany(p => p.Hits).Select(h => h.Article.Id));
    }
}
