using Search.Core.Faceting;
using Search.Core.Model;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>
/// Facet value search looks the prefix up in each segment's values before counting: a value matches at the start
/// of any of its words, the same value in several segments is one bucket, and only matching values come back.
/// </summary>
public sealed class FacetValueSearchTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public FacetValueSearchTests()
    {
        // Three batches, three commits: the values are spread over several segments.
        _engine.Index(
        [
            new Article { Id = "s1", Title = "Clinic opens", Body = "A clinic opened.", Source = "Reuters Health" },
            new Article { Id = "s2", Title = "Markets calm", Body = "Markets were calm.", Source = "Wealth News" },
        ]);
        _engine.Index(
        [
            new Article { Id = "s3", Title = "Flu season", Body = "The flu season began.", Source = "Reuters Health" },
            new Article { Id = "s4", Title = "Diet advice", Body = "Eat more greens.", Source = "Health Daily" },
        ]);
        _engine.Index(
        [
            new Article { Id = "s5", Title = "Alerte", Body = "Une alerte a été publiée.", Source = "Sécurité Publique" },
            new Article { Id = "s6", Title = "Vaccines", Body = "Vaccines arrived.", Source = "Reuters Health" },
        ]);
    }

    private IReadOnlyList<FacetValueMatch> Search(string prefix, int limit = 10, string query = "") =>
        _engine.Get<FacetValueSearcher>().Search(new FacetValueQuery("source", prefix, query, new SearchFilterSpec(), limit), CancellationToken.None);

    [Fact]
    public void Prefix_MatchesAnyWordOfTheValue_OneBucketPerValueAcrossSegments_MostFrequentFirst()
    {
        var matches = Search("heal");

        Assert.Equal([("Reuters Health", 3L), ("Health Daily", 1L)], matches.Select(m => (m.Value, m.Count)));
        Assert.All(matches, m => Assert.Equal("", m.MatchedAlias));
    }

    [Fact]
    public void Prefix_IgnoresCaseAndDiacritics_AndMaySpanWords()
    {
        Assert.Equal("Sécurité Publique", Assert.Single(Search("SECU")).Value);
        Assert.Equal("Reuters Health", Assert.Single(Search("reuters he")).Value);
        Assert.Empty(Search("ealth"));
    }

    [Fact]
    public void Limit_AndQueryContext_AreHonoured()
    {
        Assert.Equal("Reuters Health", Assert.Single(Search("h", limit: 1)).Value);
        Assert.Equal([("Reuters Health", 1L)], Search("heal", query: "vaccines").Select(m => (m.Value, m.Count)));
    }

    [Fact]
    public void EmptyPrefix_ListsTheTopValues()
    {
        var matches = Search("", limit: 2);

        Assert.Equal(["Reuters Health", "Health Daily"], matches.Select(m => m.Value));
    }

    public void Dispose() => _engine.Dispose();
}
