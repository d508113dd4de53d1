using Search.Core.Model;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>Facet counts through the searcher, checked against a brute-force count over every matching hit.</summary>
public sealed class SearchFacetTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public SearchFacetTests()
    {
        var articles = TestArticles.Create(211);
        _engine.Index(articles.Take(100).ToList());
        _engine.Index(articles.Skip(100).ToList());
        Assert.Equal(2, _engine.Delete("a-0003", "a-0150", "no-such-id"));
    }

    public static TheoryData<string, string[]> Cases => new()
    {
        { "", [] },
        { "police", [] },
        { "", ["Security Affairs"] },
        { "malware OR breach", ["threatpost", "The Record"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Facets_MatchBruteForceCounts_WithMultiSelectOnSource(string text, string[] sources)
    {
        var facets = new[] { "source", "organisation", "tag", "author", "published" }.Select(f => new FacetSpec(f, 1000)).ToList();
        var query = new SearchQuery { Text = text, Facets = facets, Filter = new SearchFilterSpec { Sources = sources } };

        SearchResult result = _engine.Search(query with { PageSize = 100 });
        var matching = _engine.SearchAll(query with { Facets = [], PageSize = 100 }, out _).Select(h => h.Article).ToList();
        // Multi-select: the source facet ignores the source filter, every other facet honours it.
        var withoutSourceFilter = _engine.SearchAll(new SearchQuery { Text = text, PageSize = 100 }, out _).Select(h => h.Article).ToList();

        Assert.Equal(Expected(withoutSourceFilter, a => [a.Source]), Actual(result, "source"));
        Assert.Equal(Expected(matching, a => a.Organisations), Actual(result, "organisation"));
        Assert.Equal(Expected(matching, a => a.Tags), Actual(result, "tag"));
        Assert.Equal(Expected(matching, a => a.Author.Length == 0 ? [] : [a.Author]), Actual(result, "author"));
        Assert.Equal(Expected(matching, a => a.Published is { } p ? [p.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)] : []), Actual(result, "published"));
    }

    [Fact]
    public void Facets_Published_AreChronologicalAndLimitKeepsTheMostRecent()
    {
        SearchResult result = _engine.Search(new SearchQuery { Facets = [new FacetSpec("published", 5)] });
        var months = result.Facets[0].Values.Select(v => v.Value).ToList();

        Assert.Equal(5, months.Count);
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
        var all = _engine.Search(new SearchQuery { Facets = [new FacetSpec("published", 1000)] }).Facets[0].Values.Select(v => v.Value).ToList();
        Assert.Equal(all.TakeLast(5), months);
    }

    [Fact]
    public void Facets_UnknownField_IsInvalidArgumentNamingValidFields()
    {
        var error = Assert.Throws<SearchRequestException>(() => _engine.Search(new SearchQuery { Facets = [new FacetSpec("colour", 10)] }));
        Assert.Contains("source, organisation, tag, author, published", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, long> Expected(List<Article> articles, Func<Article, IEnumerable<string>> values) =>
        articles.SelectMany(a => values(a).Distinct()).GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private static Dictionary<string, long> Actual(SearchResult result, string field) =>
        result.Facets.Single(f => f.Field == field).Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);

    public void Dispose() => _engine.Dispose();
}
