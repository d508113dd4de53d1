using System.Net;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests;

/// <summary>Highlighted fragments over real gRPC: tags, escaping, and spans that point into the original text.</summary>
public sealed class HighlightTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private const string SeedId = "000_f278579319015f6d";
    private const string ScriptArticleId = "s210";

    private SearchService.SearchServiceClient Client => fixture.Search;

    private Task<SearchResponse> HighlightedAsync(string query, HighlightOptions? options = null) =>
        Client.SearchAsync(new SearchRequest { Query = query, PageSize = 100, Highlight = options ?? new HighlightOptions() }).ResponseAsync;

    private async Task<Article> FetchAsync(string id) => await Client.GetArticleAsync(new GetArticleRequest { Id = id });

    private static string FieldText(Article article, string field) => field == "title" ? article.Title : article.Body;

    [Fact]
    public async Task Highlight_DefaultTags_WrapMatchesInEm()
    {
        var response = await HighlightedAsync("botnet");

        var fragments = response.Hits.SelectMany(h => h.Highlights).SelectMany(f => f.Fragments).ToList();
        Assert.NotEmpty(fragments);
        Assert.Contains(fragments, f => f.Text.Contains("<em>botnet</em>", StringComparison.OrdinalIgnoreCase));
        Assert.All(fragments.Where(f => f.Matches.Count > 0), f => Assert.Equal(f.Matches.Count, CountOf(f.Text, "<em>")));
    }

    [Fact]
    public async Task Highlight_CustomTags_UsedInsteadOfEm()
    {
        var response = await HighlightedAsync("botnet", new HighlightOptions { PreTag = "[[", PostTag = "]]" });

        var texts = response.Hits.SelectMany(h => h.Highlights).SelectMany(f => f.Fragments).Select(f => f.Text).ToList();
        Assert.Contains(texts, t => t.Contains("[[botnet]]", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("<em>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Highlight_ScriptInBody_ComesBackHtmlEscaped()
    {
        var article = await FetchAsync(ScriptArticleId);
        Assert.Contains("<script>", article.Body, StringComparison.Ordinal);

        var response = await HighlightedAsync("script alert", new HighlightOptions { Fields = { "body" } });

        var hit = response.Hits.Single(h => h.Article.Id == ScriptArticleId);
        var texts = hit.Highlights.SelectMany(f => f.Fragments).Select(f => f.Text).ToList();
        Assert.Contains(texts, t => t.Contains("&lt;", StringComparison.Ordinal) && t.Contains("script", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("<script", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("europol", new[] { "europol" })]
    [InlineData("propaganda machines", new[] { "propaganda", "machine" })]
    [InlineData("ransomware attack", new[] { "ransomware", "attack" })]
    public async Task Highlight_EveryMatchSpan_PointsAtQueryWordInOriginalText(string query, string[] stems)
    {
        var response = await HighlightedAsync(query);
        int checkedSpans = 0;

        foreach (Hit hit in response.Hits)
        {
            Article article = await FetchAsync(hit.Article.Id);
            foreach (FieldHighlight field in hit.Highlights)
            {
                string text = FieldText(article, field.Field);
                foreach (Fragment fragment in field.Fragments)
                {
                    Assert.InRange(fragment.Start, 0, fragment.End);
                    Assert.InRange(fragment.End, fragment.Start, text.Length);
                    foreach (Span span in fragment.Matches)
                    {
                        Assert.InRange(span.Start, fragment.Start, span.End);
                        Assert.InRange(span.End, span.Start + 1, fragment.End);
                        string matched = text[span.Start..span.End];
                        Assert.True(stems.Any(s => matched.StartsWith(s, StringComparison.OrdinalIgnoreCase)),
                            $"{hit.Article.Id} {field.Field} [{span.Start},{span.End}) is '{matched}', not one of {string.Join(", ", stems)}");
                        checkedSpans++;
                    }
                }
            }
        }
        Assert.True(checkedSpans > 5, $"only {checkedSpans} spans");
    }

    [Fact]
    public async Task Highlight_FragmentText_IsEscapedOriginalPassageWithTags()
    {
        var response = await HighlightedAsync("europol", new HighlightOptions { PreTag = "[[", PostTag = "]]" });
        int checkedFragments = 0;

        foreach (Hit hit in response.Hits)
        {
            Article article = await FetchAsync(hit.Article.Id);
            foreach (FieldHighlight field in hit.Highlights)
            {
                string text = FieldText(article, field.Field);
                foreach (Fragment fragment in field.Fragments)
                {
                    string plain = WebUtility.HtmlDecode(fragment.Text.Replace("[[", "", StringComparison.Ordinal).Replace("]]", "", StringComparison.Ordinal));
                    Assert.Equal(text[fragment.Start..fragment.End].Trim(), plain.Trim());
                    checkedFragments++;
                }
            }
        }
        Assert.True(checkedFragments > 3);
    }

    [Fact]
    public async Task Highlight_Phrase_HighlightedAsOneSpan()
    {
        var response = await HighlightedAsync("\"propaganda machine\"");
        Article seed = await FetchAsync(SeedId);

        var hit = response.Hits.Single(h => h.Article.Id == SeedId);
        var spans = hit.Highlights.Where(f => f.Field == "body").SelectMany(f => f.Fragments).SelectMany(f => f.Matches).ToList();
        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.Equal("propaganda machine", seed.Body[s.Start..s.End], ignoreCase: true));
        var titleSpans = hit.Highlights.Where(f => f.Field == "title").SelectMany(f => f.Fragments).SelectMany(f => f.Matches).ToList();
        Assert.All(titleSpans, s => Assert.Equal("propaganda machine", seed.Title[s.Start..s.End], ignoreCase: true));
        Assert.Contains(hit.Highlights.SelectMany(f => f.Fragments), f => f.Text.Contains("<em>propaganda machine</em>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Highlight_WordInSomeTitles_TitleFragmentsOnlyWhenTitleMatches()
    {
        var response = await HighlightedAsync("ransomware");

        Assert.Contains(response.Hits, h => h.Article.Title.Contains("ransomware", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(response.Hits, h => !h.Article.Title.Contains("ransomware", StringComparison.OrdinalIgnoreCase));
        foreach (Hit hit in response.Hits)
        {
            bool titleMatches = hit.Article.Title.Contains("ransomware", StringComparison.OrdinalIgnoreCase);
            Assert.Equal(titleMatches, hit.Highlights.Any(f => f.Field == "title"));
        }
    }

    [Fact]
    public async Task Highlight_QueryWithoutTextMatch_OneBodyFragmentWithoutMatches()
    {
        // A source query matches no word of title or body: the body still gets its leading passage.
        var response = await HighlightedAsync("source:reuters");

        Assert.NotEmpty(response.Hits);
        foreach (Hit hit in response.Hits)
        {
            Assert.DoesNotContain(hit.Highlights, f => f.Field == "title");
            var body = Assert.Single(hit.Highlights, f => f.Field == "body");
            var fragment = Assert.Single(body.Fragments);
            Assert.Empty(fragment.Matches);
            Assert.DoesNotContain("<em>", fragment.Text, StringComparison.Ordinal);
            Assert.Equal(0, fragment.Start);
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
