using Search.Core.Faceting;
using Search.Core.Model;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>Organisation facets count canonical organisations, and every alias finds them.</summary>
public sealed class OrganisationSearchTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public OrganisationSearchTests()
    {
        _engine.Index(
        [
            new Article { Id = "o1", Title = "Islamic State propaganda hit", Body = "Europol said the Islamic State network was disrupted." },
            new Article { Id = "o2", Title = "Daesh loses its servers", Body = "Police seized servers used by Daesh to spread videos." },
            new Article { Id = "o3", Title = "ISIS media outlets offline", Body = "Analysts said ISIS channels went silent after the operation." },
            new Article { Id = "o4", Title = "Quarterly results", Body = "Microsoft reported higher cloud revenue." },
        ]);
    }

    [Fact]
    public void OrganisationFacet_CountsOneBucketForEverySpelling()
    {
        SearchResult result = _engine.Search(new SearchQuery { Facets = [new FacetSpec("organisation", 100)] });
        var values = result.Facets[0].Values.ToDictionary(v => v.Value, v => v.Count);

        Assert.Equal(3, values["Islamic State"]);
        Assert.DoesNotContain("ISIS", values.Keys);
        Assert.DoesNotContain("Daesh", values.Keys);
    }

    [Theory]
    [InlineData("organisation:ISIS")]
    [InlineData("organisation:daesh")]
    [InlineData("organisation:\"Islamic State\"")]
    public void OrganisationQuery_AnyAlias_MatchesTheCanonicalOrganisation(string text)
    {
        var ids = _engine.Search(new SearchQuery { Text = text }).Hits.Select(h => h.Article.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["o1", "o2", "o3"], ids);
    }

    [Fact]
    public void OrganisationFilter_WithAnAlias_MatchesTheCanonicalOrganisation()
    {
        var result = _engine.Search(new SearchQuery { Filter = new SearchFilterSpec { Organisations = ["ISIL"] } });

        Assert.Equal(3, result.TotalHits);
    }

    [Fact]
    public void Hits_CarryCanonicalNamesAndMentionsWithOffsets()
    {
        Article article = _engine.Searcher.GetArticle("o2", 0, CancellationToken.None)!;

        Assert.Contains("Islamic State", article.Organisations);
        var mention = Assert.Single(article.Mentions, m => m.Field == "title");
        Assert.Equal("Daesh", article.Title[mention.Start..mention.End]);
        Assert.Equal("Islamic State", mention.Organisation);
    }

    [Fact]
    public void FacetValueSearch_PrefixOfAnAlias_FindsTheCanonicalValueAndSaysWhichAlias()
    {
        var matches = _engine.Get<FacetValueSearcher>().Search(new FacetValueQuery("organisation", "daes", "", new SearchFilterSpec(), 10), CancellationToken.None);

        var match = Assert.Single(matches);
        Assert.Equal("Islamic State", match.Value);
        Assert.Equal(3, match.Count);
        Assert.Equal("Daesh", match.MatchedAlias);
    }

    [Fact]
    public void FacetValueSearch_PrefixOfTheName_HasNoMatchedAliasAndHonoursTheQuery()
    {
        var all = _engine.Get<FacetValueSearcher>().Search(new FacetValueQuery("organisation", "micro", "", new SearchFilterSpec(), 10), CancellationToken.None);
        var inContext = _engine.Get<FacetValueSearcher>().Search(new FacetValueQuery("organisation", "micro", "servers", new SearchFilterSpec(), 10), CancellationToken.None);

        Assert.Equal("Microsoft", Assert.Single(all).Value);
        Assert.Equal("", all[0].MatchedAlias);
        Assert.Empty(inContext);
    }

    public void Dispose() => _engine.Dispose();
}
