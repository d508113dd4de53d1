using System.Globalization;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>Facet counts over every match, compared with counts made client-side from the articles themselves.</summary>
public sealed class FacetTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private static readonly string[] ValueFields = ["source", "organisation", "tag", "author"];

    private SearchService.SearchServiceClient Client => fixture.Search;

    private static IEnumerable<string> ValuesOf(Article article, string field) => field switch
    {
        "source" => [article.Source],
        "author" => article.Author.Length == 0 ? [] : [article.Author],
        "tag" => article.Tags.Distinct(),
        "organisation" => article.Organisations.Distinct(),
        "published" => article.Published is null ? [] : [article.Published.ToDateTime().ToString("yyyy-MM", CultureInfo.InvariantCulture)],
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static Dictionary<string, long> BruteForce(IEnumerable<Article> articles, string field) =>
        articles.SelectMany(a => ValuesOf(a, field)).GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private static Dictionary<string, long> AsDictionary(FacetResult facet) =>
        facet.Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);

    private static SearchRequest FacetRequest(string query, SearchFilter? filter = null)
    {
        var request = new SearchRequest { Query = query, PageSize = 100, IncludeBody = true, Filter = filter };
        foreach (string field in ValueFields.Append("published"))
        {
            request.Facets.Add(new FacetRequest { Field = field, Limit = 1000 });
        }
        return request;
    }

    [Theory]
    [InlineData("")]
    [InlineData("europol")]
    [InlineData("attack OR phishing")]
    public async Task Facets_AllFields_EqualBruteForceCountsOverMatches(string query)
    {
        var response = await Client.SearchAsync(FacetRequest(query));
        var matches = (await Client.AllPagesAsync(new SearchRequest { Query = query, PageSize = 100, IncludeBody = true }))
            .SelectMany(p => p.Hits).Select(h => h.Article).ToList();
        Assert.NotEmpty(matches);

        Assert.Equal(ValueFields.Append("published"), response.Facets.Select(f => f.Field));
        foreach (FacetResult facet in response.Facets)
        {
            Assert.Equal(BruteForce(matches, facet.Field), AsDictionary(facet));
        }
    }

    [Fact]
    public async Task Facets_ValueFields_OrderedByCountThenValue()
    {
        var response = await Client.SearchAsync(FacetRequest(""));

        foreach (FacetResult facet in response.Facets.Where(f => f.Field != "published"))
        {
            var expected = facet.Values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Select(v => v.Value);
            Assert.Equal(expected, facet.Values.Select(v => v.Value));
        }
    }

    [Fact]
    public async Task Facets_Limit_ReturnsTopValuesOnly()
    {
        var full = await Client.SearchAsync(FacetRequest(""));
        var limited = await Client.SearchAsync(new SearchRequest { Facets = { new FacetRequest { Field = "tag", Limit = 3 } } });

        var fullTags = full.Facets.Single(f => f.Field == "tag").Values;
        Assert.True(fullTags.Count > 3);
        Assert.Equal(fullTags.Take(3), limited.Facets.Single().Values);
    }

    [Fact]
    public async Task Facets_PublishedMonths_ChronologicalYearMonth()
    {
        var response = await Client.SearchAsync(FacetRequest(""));
        var months = response.Facets.Single(f => f.Field == "published").Values.Select(v => v.Value).ToList();

        Assert.True(months.Count > 5);
        Assert.All(months, m => Assert.Matches(@"^\d{4}-\d{2}$", m));
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
    }

    [Fact]
    public async Task Facets_SourceFilter_SourceFacetIgnoresItsOwnFilterOthersHonourIt()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var filter = new SearchFilter { Sources = { "reuters" } };

        var response = await Client.SearchAsync(FacetRequest("", filter));

        var reuters = all.Where(a => a.Source == "Reuters").ToList();
        Assert.Equal(reuters.Count, response.TotalHits);
        // Multi-select: the source facet counts as if the source filter were absent, so other sources still show.
        Assert.Equal(BruteForce(all, "source"), AsDictionary(response.Facets.Single(f => f.Field == "source")));
        foreach (string field in new[] { "organisation", "tag", "author", "published" })
        {
            Assert.Equal(BruteForce(reuters, field), AsDictionary(response.Facets.Single(f => f.Field == field)));
        }
    }

    [Fact]
    public async Task Facets_TagFilterWithQuery_TagFacetKeepsQueryButDropsTagFilter()
    {
        const string Query = "europol";
        var matches = (await Client.AllPagesAsync(new SearchRequest { Query = Query, PageSize = 100, IncludeBody = true }))
            .SelectMany(p => p.Hits).Select(h => h.Article).ToList();
        var filter = new SearchFilter { Tags = { "ransomware" } };

        var response = await Client.SearchAsync(FacetRequest(Query, filter));

        var filtered = matches.Where(a => Corpus.HasValue(a.Tags, "ransomware")).ToList();
        Assert.NotEmpty(filtered);
        Assert.Equal(filtered.Count, response.TotalHits);
        Assert.Equal(BruteForce(matches, "tag"), AsDictionary(response.Facets.Single(f => f.Field == "tag")));
        Assert.Equal(BruteForce(filtered, "source"), AsDictionary(response.Facets.Single(f => f.Field == "source")));
    }
}
