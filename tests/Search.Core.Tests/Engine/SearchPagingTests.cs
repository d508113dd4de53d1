using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

public sealed class SearchPagingTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public SearchPagingTests()
    {
        _engine.Index(TestArticles.Create(137));
    }

    [Theory]
    [InlineData("", SearchSort.Relevance, 7)]
    [InlineData("police", SearchSort.Relevance, 4)]
    [InlineData("police OR malware", SearchSort.Newest, 10)]
    [InlineData("", SearchSort.Oldest, 13)]
    public void Search_WalkingEveryPage_ReturnsEachHitOnceAndTotalHits(string text, SearchSort sort, int pageSize)
    {
        var hits = _engine.SearchAll(new SearchQuery { Text = text, Sort = sort, PageSize = pageSize }, out long total);

        Assert.True(total > 0);
        Assert.Equal(total, hits.Count);
        Assert.Equal(hits.Count, hits.Select(h => h.Article.Id).Distinct().Count());
    }

    [Fact]
    public void Search_MatchAllPages_AreInIdOrderWithOneScore_AsTheGeneralPathGivesThem()
    {
        // More segments, deletions and updates, so the id walk has to merge segments and skip deleted articles.
        var all = TestArticles.Create(137);
        _engine.Delete(all[3].Id, all[40].Id, all[99].Id);
        _engine.Index([all[10] with { Title = "Updated " + all[10].Title }, all[120]]);

        var walked = _engine.SearchAll(new SearchQuery { PageSize = 6 }, out long total);
        // Pure negation matches every article too but is not a match-all query, so it takes the general path.
        var general = _engine.SearchAll(new SearchQuery { Text = "-zzqqxx", PageSize = 6 }, out long generalTotal);

        Assert.Equal(134, total);
        Assert.Equal(generalTotal, total);
        Assert.Equal(walked.Select(h => h.Article.Id).Order(StringComparer.Ordinal), walked.Select(h => h.Article.Id));
        Assert.Equal(general.Select(h => h.Article.Id), walked.Select(h => h.Article.Id));
        Assert.Single(walked.Select(h => h.Score).Distinct());
        Assert.DoesNotContain(walked, h => h.Article.Id == all[40].Id);
        Assert.StartsWith("Updated ", walked.Single(h => h.Article.Id == all[10].Id).Article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_RelevancePages_AreInTheSameOrderAsOneBigPage()
    {
        var paged = _engine.SearchAll(new SearchQuery { Text = "police OR servers", PageSize = 3 }, out _).Select(h => h.Article.Id).ToList();
        var whole = _engine.Search(new SearchQuery { Text = "police OR servers", PageSize = 100 }).Hits.Select(h => h.Article.Id).ToList();

        Assert.Equal(whole, paged.Take(whole.Count));
    }

    [Fact]
    public void Search_Newest_IsByDateDescendingWithUndatedLastAndTiesById()
    {
        var hits = _engine.SearchAll(new SearchQuery { Sort = SearchSort.Newest, PageSize = 50 }, out _);
        var dated = hits.TakeWhile(h => h.Article.Published is not null).ToList();
        var undated = hits.Skip(dated.Count).ToList();

        Assert.NotEmpty(undated);
        Assert.All(undated, h => Assert.Null(h.Article.Published));
        for (int i = 1; i < dated.Count; i++)
        {
            int byDate = dated[i - 1].Article.Published!.Value.CompareTo(dated[i].Article.Published!.Value);
            Assert.True(byDate > 0 || (byDate == 0 && string.CompareOrdinal(dated[i - 1].Article.Id, dated[i].Article.Id) < 0));
        }
        Assert.Equal(undated.Select(h => h.Article.Id).Order(StringComparer.Ordinal), undated.Select(h => h.Article.Id));
    }

    [Fact]
    public void Search_Oldest_PutsUndatedLastToo()
    {
        var hits = _engine.SearchAll(new SearchQuery { Sort = SearchSort.Oldest, PageSize = 100 }, out _);

        Assert.NotNull(hits[0].Article.Published);
        Assert.Null(hits[^1].Article.Published);
        Assert.True(hits[0].Article.Published <= hits[1].Article.Published);
    }

    [Fact]
    public void Search_TokenFromAnotherQuery_IsInvalidArgument()
    {
        string token = _engine.Search(new SearchQuery { Text = "police", PageSize = 2 }).NextPageToken;

        var error = Assert.Throws<SearchRequestException>(() => _engine.Search(new SearchQuery { Text = "malware", PageSize = 2, PageToken = token }));
        Assert.Equal(SearchErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("different query", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("AQID")]
    public void Search_MalformedToken_IsInvalidArgument(string token)
    {
        var error = Assert.Throws<SearchRequestException>(() => _engine.Search(new SearchQuery { PageToken = token }));
        Assert.Equal(SearchErrorKind.InvalidArgument, error.Kind);
    }

    [Theory]
    [InlineData("(police AND", "column")]
    [InlineData("\"unbalanced", "column")]
    [InlineData("nosuchfield:x", "Valid fields")]
    public void Search_QueryThatDoesNotParse_SaysWhatAndWhere(string text, string expected)
    {
        var error = Assert.Throws<SearchRequestException>(() => _engine.Search(new SearchQuery { Text = text }));
        Assert.Equal(SearchErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_PureNegation_MatchesEverythingElse()
    {
        long all = _engine.Search(new SearchQuery()).TotalHits;
        long police = _engine.Search(new SearchQuery { Text = "police" }).TotalHits;

        Assert.Equal(all - police, _engine.Search(new SearchQuery { Text = "-police" }).TotalHits);
    }

    [Fact]
    public void Search_PrefixMatchingTooManyTerms_IsResourceExhaustedNamingTheLimit()
    {
        using var strict = new EngineFixture(settings: new Dictionary<string, string?> { ["Search:Limits:MaxTermExpansions"] = "1" });
        // "p*" expands to two distinct terms in this corpus (polic, propaganda), one more than the limit.
        strict.Index(TestArticles.Create(30));

        var error = Assert.Throws<SearchRequestException>(() => strict.Search(new SearchQuery { Text = "p*" }));
        Assert.Equal(SearchErrorKind.ResourceExhausted, error.Kind);
        Assert.Contains("MaxTermExpansions", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _engine.Dispose();
}
