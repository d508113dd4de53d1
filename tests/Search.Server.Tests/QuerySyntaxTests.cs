using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>
/// The query language over the seeded samples. Boolean operators are checked against set algebra of simpler
/// queries, field queries against the stored values, so expectations follow the samples rather than being typed in.
/// </summary>
public sealed class QuerySyntaxTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private const string SeedId = "000_f278579319015f6d";

    private SearchService.SearchServiceClient Client => fixture.Search;

    private async Task<SortedSet<string>> IdSetAsync(string query) => new(await Client.IdsAsync(query), StringComparer.Ordinal);

    [Fact]
    public async Task Search_EmptyQuery_MatchesEveryArticle()
    {
        var response = await Client.QueryAsync("");

        Assert.Equal(SearchServerFixture.SampleCount, response.TotalHits);
        Assert.Equal(SearchServerFixture.SampleCount, response.Hits.Select(h => h.Article.Id).Distinct().Count());
    }

    [Fact]
    public async Task Search_TwoWords_BothRequired()
    {
        var europol = await IdSetAsync("europol");
        var botnet = await IdSetAsync("botnet");
        var both = await IdSetAsync("europol botnet");

        Assert.NotEmpty(both);
        Assert.True(europol.Count > both.Count, "the pair should narrow the single word");
        Assert.Equal(europol.Intersect(botnet).ToList(), both.ToList());
    }

    [Fact]
    public async Task Search_Or_MatchesEither()
    {
        var opec = await IdSetAsync("opec");
        var lazarus = await IdSetAsync("lazarus");
        var either = await IdSetAsync("opec OR lazarus");

        Assert.NotEmpty(opec);
        Assert.NotEmpty(lazarus);
        Assert.Equal(new SortedSet<string>(opec.Union(lazarus), StringComparer.Ordinal).ToList(), either.ToList());
    }

    [Theory]
    [InlineData("europol NOT ransomware")]
    [InlineData("europol -ransomware")]
    public async Task Search_NotOrMinus_ExcludesWord(string query)
    {
        var europol = await IdSetAsync("europol");
        var ransomware = await IdSetAsync("ransomware");
        var result = await IdSetAsync(query);

        Assert.NotEmpty(europol.Intersect(ransomware));
        Assert.Equal(europol.Except(ransomware).ToList(), result.ToList());
    }

    [Fact]
    public async Task Search_OnlyNegativeWord_MatchesEverythingElse()
    {
        var ransomware = await IdSetAsync("ransomware");
        var response = await Client.QueryAsync("-ransomware");

        Assert.Equal(SearchServerFixture.SampleCount - ransomware.Count, response.TotalHits);
    }

    [Fact]
    public async Task Search_Phrase_MatchesAdjacentWordsOnly()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var phrase = await IdSetAsync("\"propaganda machine\"");
        var words = await IdSetAsync("propaganda machine");

        Assert.Contains(SeedId, phrase);
        Assert.True(phrase.IsSubsetOf(words));
        // Every phrase hit has the words next to each other in title or body.
        Assert.All(phrase, id => Assert.Contains("propaganda machine",
            all.Single(a => a.Id == id).Title + " " + all.Single(a => a.Id == id).Body, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await IdSetAsync("\"machine propaganda\""));
    }

    [Fact]
    public async Task Search_Stemming_PluralFindsSingularInSeedTitle()
    {
        var ids = await Client.IdsAsync("propaganda machines");

        Assert.Contains(SeedId, ids);
    }

    [Fact]
    public async Task Search_TitleField_OnlyArticlesWithWordInTitle()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var title = await IdSetAsync("title:ransomware");
        var anywhere = await IdSetAsync("ransomware");

        Assert.NotEmpty(title);
        Assert.True(anywhere.Count > title.Count, "some articles mention ransomware only in the body");
        Assert.Equal(Corpus.Ids(all.Where(a => a.Title.Contains("ransomware", StringComparison.OrdinalIgnoreCase))).ToList(), title.ToList());
    }

    [Fact]
    public async Task Search_BodyField_OnlyArticlesWithWordInBody()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var body = await IdSetAsync("body:eurojust");

        Assert.NotEmpty(body);
        Assert.Equal(Corpus.Ids(all.Where(a => a.Body.Contains("eurojust", StringComparison.OrdinalIgnoreCase))).ToList(), body.ToList());
    }

    [Theory]
    [InlineData("source:\"Security Affairs\"", "Security Affairs")]
    [InlineData("source:\"security affairs\"", "Security Affairs")]
    [InlineData("source:reuters", "Reuters")]
    public async Task Search_SourceField_WholeValueIgnoringCase(string query, string source)
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var ids = await IdSetAsync(query);

        Assert.NotEmpty(ids);
        Assert.Equal(Corpus.Ids(all.Where(a => string.Equals(a.Source, source, StringComparison.OrdinalIgnoreCase))).ToList(), ids.ToList());
    }

    [Fact]
    public async Task Search_SourcePartOfValue_MatchesNothing()
    {
        // Whole value only: "Security" alone is not a source.
        Assert.Empty(await IdSetAsync("source:security"));
    }

    [Fact]
    public async Task Search_AuthorField_WholeValueIgnoringCase()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var ids = await IdSetAsync("author:\"nina patel\"");

        Assert.NotEmpty(ids);
        Assert.Equal(Corpus.Ids(all.Where(a => a.Author == "Nina Patel")).ToList(), ids.ToList());
    }

    [Fact]
    public async Task Search_TagField_MatchesTaggedArticles()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var ids = await IdSetAsync("tag:Ransomware");

        Assert.NotEmpty(ids);
        Assert.Equal(Corpus.Ids(all.Where(a => Corpus.HasValue(a.Tags, "ransomware"))).ToList(), ids.ToList());
    }

    [Fact]
    public async Task Search_OrganisationField_MatchesArticlesAboutIt()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var ids = await IdSetAsync("organisation:europol");

        Assert.NotEmpty(ids);
        Assert.Equal(Corpus.Ids(all.Where(a => Corpus.HasValue(a.Organisations, "Europol"))).ToList(), ids.ToList());
    }

    [Fact]
    public async Task Search_Prefix_MatchesWordsStartingWithIt()
    {
        var all = await Corpus.AllArticlesAsync(Client);
        var ids = await IdSetAsync("botn*");

        Assert.NotEmpty(ids);
        Assert.Equal(Corpus.Ids(all.Where(a => Corpus.HasWordStartingWith(a, "botn"))).ToList(), ids.ToList());
    }

    [Fact]
    public async Task Search_Fuzzy_FindsMisspelledWord()
    {
        var exact = await IdSetAsync("europol");
        var fuzzy = await IdSetAsync("europl~");

        Assert.NotEmpty(exact);
        Assert.True(exact.IsSubsetOf(fuzzy));
    }

    [Fact]
    public async Task Search_WordInSomeTitles_TitleMatchesRankAboveBodyOnlyMatches()
    {
        var response = await Client.QueryAsync("ransomware");
        var titleMatches = response.Hits.Select(h => h.Article.Title.Contains("ransomware", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Contains(true, titleMatches);
        Assert.Contains(false, titleMatches);
        int firstBodyOnly = titleMatches.IndexOf(false);
        Assert.DoesNotContain(true, titleMatches.Skip(firstBodyOnly));
    }
}
