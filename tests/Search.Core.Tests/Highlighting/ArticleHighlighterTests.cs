using Search.Core.Highlighting;
using Search.Core.Schema;

namespace Search.Core.Tests.Highlighting;

public sealed class ArticleHighlighterTests : IDisposable
{
    private const string Body0 =
        "Machines are learning fast. Researchers say machine learning now drives most products. " +
        "Learning is slow for people, and the machine room is loud.";

    private const string Title0 = "Machine learning goes mainstream";

    private readonly HighlightTestIndex index = new(
        (Title0, Body0),
        ("Robots in the factory", "The robot welded the car. Artificial intelligence helps the robots plan their day."),
        ("Weather report", "Rain is expected tomorrow. Nothing else to see here."),
        ("Markets", "Shares of Acme <b>rose</b> & fell; \"analysts\" shrugged. Apple's results came later."));

    [Fact]
    public void Wraps_matches_in_tags()
    {
        FieldHighlightResult result = index.Highlight("learning", 0, ArticleFields.Body);

        Assert.NotEmpty(result.Fragments);
        Assert.Contains("<em>learning</em>", result.Fragments[0].Text, StringComparison.Ordinal);
        Assert.All(result.Fragments, f => FragmentAssert.Consistent(Body0, f));
    }

    [Fact]
    public void Match_spans_point_at_the_words_as_written_including_stemmed_forms()
    {
        FieldHighlightResult result = index.Highlight("machine", 0, ArticleFields.Body);

        string[] words = FragmentAssert.MatchedWords(Body0, result).ToArray();
        Assert.Contains("Machines", words);
        Assert.Contains("machine", words);
        Assert.All(words, w => Assert.StartsWith("machine", w, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Phrase_highlights_only_the_phrase_as_one_span()
    {
        FieldHighlightResult result = index.Highlight("\"machine learning\"", 0, ArticleFields.Body);

        Assert.Equal(["machine learning"], FragmentAssert.MatchedWords(Body0, result));
        Assert.Contains("<em>machine learning</em>", result.Fragments[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Phrase_with_a_stop_word_gap_matches_across_it()
    {
        FieldHighlightResult result = index.Highlight("\"robot welded the car\"", 1, ArticleFields.Body);

        Assert.Equal(["robot welded the car"], FragmentAssert.MatchedWords(index.StoredText(1, ArticleFields.Body), result));
    }

    [Fact]
    public void Sloppy_phrase_highlights_its_words_when_within_the_slop()
    {
        string body = index.StoredText(1, ArticleFields.Body);

        FieldHighlightResult near = index.Highlight("\"robot car\"~2", 1, ArticleFields.Body);
        FieldHighlightResult far = index.Highlight("\"robot day\"~1", 1, ArticleFields.Body);

        Assert.Equal(["robot", "car"], FragmentAssert.MatchedWords(body, near));
        Assert.Empty(FragmentAssert.MatchedWords(body, far));
    }

    [Fact]
    public void Must_not_clause_words_are_not_highlighted()
    {
        FieldHighlightResult result = index.Highlight("learning -room", 0, ArticleFields.Body);

        string[] words = FragmentAssert.MatchedWords(Body0, result).ToArray();
        Assert.NotEmpty(words);
        Assert.DoesNotContain("room", words);
    }

    [Fact]
    public void Prefix_and_wildcard_highlight_the_expanded_words()
    {
        string body = index.StoredText(1, ArticleFields.Body);

        Assert.Equal(["Artificial"], FragmentAssert.MatchedWords(body, index.Highlight("artif*", 1, ArticleFields.Body)));
        Assert.Equal(["intelligence"], FragmentAssert.MatchedWords(body, index.Highlight("int?llig*", 1, ArticleFields.Body)));
    }

    [Fact]
    public void Fuzzy_highlights_close_words()
    {
        string body = index.StoredText(1, ArticleFields.Body);

        FieldHighlightResult result = index.Highlight("robt~", 1, ArticleFields.Body);

        Assert.Equal(["robot", "robots"], FragmentAssert.MatchedWords(body, result).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Boosted_and_boolean_queries_highlight_every_matching_word()
    {
        FieldHighlightResult result = index.Highlight("+machine^3 loud", 0, ArticleFields.Body);

        string[] words = FragmentAssert.MatchedWords(Body0, result).ToArray();
        Assert.Contains("loud", words);
        Assert.Contains("machine", words);
    }

    [Fact]
    public void Body_without_a_match_gives_its_leading_passage_unmarked()
    {
        string body = index.StoredText(2, ArticleFields.Body);

        FieldHighlightResult result = index.Highlight("machine", 2, ArticleFields.Body);

        HighlightFragment fragment = Assert.Single(result.Fragments);
        Assert.Empty(fragment.Matches);
        Assert.Equal(0, fragment.Start);
        FragmentAssert.Consistent(body, fragment);
    }

    [Fact]
    public void Title_comes_back_whole_when_it_matches_and_not_at_all_otherwise()
    {
        HighlightFragment fragment = Assert.Single(index.Highlight("mainstream", 0, ArticleFields.Title).Fragments);
        Assert.Equal("Machine learning goes <em>mainstream</em>", fragment.Text);
        Assert.Equal((0, Title0.Length), (fragment.Start, fragment.End));

        Assert.Empty(index.Highlight("robot", 0, ArticleFields.Title).Fragments);
    }

    [Fact]
    public void Queries_on_other_fields_highlight_nothing()
    {
        FieldHighlightResult result = index.Highlight("source:machine organisation:learning", 0, ArticleFields.Body);

        HighlightFragment fragment = Assert.Single(result.Fragments);
        Assert.Empty(fragment.Matches);
        Assert.Empty(index.Highlight("source:machine", 0, ArticleFields.Title).Fragments);
    }

    [Fact]
    public void Text_outside_the_tags_is_html_escaped()
    {
        string body = index.StoredText(3, ArticleFields.Body);

        FieldHighlightResult result = index.Highlight("analysts apple", 3, ArticleFields.Body);

        HighlightFragment fragment = Assert.Single(result.Fragments);
        Assert.Contains("&lt;b&gt;rose&lt;/b&gt; &amp; fell; &quot;<em>analysts</em>&quot;", fragment.Text, StringComparison.Ordinal);
        Assert.Contains("<em>Apple&#39;s</em>", fragment.Text, StringComparison.Ordinal);
        FragmentAssert.Consistent(body, fragment);
    }

    [Fact]
    public void Custom_tags_are_inserted_verbatim()
    {
        var settings = new HighlightSettings(PreTag: "<mark class=\"hit\">", PostTag: "</mark>");

        FieldHighlightResult result = index.Highlight("loud", 0, ArticleFields.Body, settings);

        Assert.Contains("<mark class=\"hit\">loud</mark>", result.Fragments[0].Text, StringComparison.Ordinal);
        FragmentAssert.Consistent(Body0, result.Fragments[0], settings.PreTag, settings.PostTag);
    }

    [Fact]
    public void Prepared_query_is_reusable_across_hits_and_threads()
    {
        HighlightQuery prepared = index.Highlighter.Prepare(index.Parse("machine OR robot* OR rain"), index.Searcher);

        Parallel.For(0, 200, i =>
        {
            int article = i % 3;
            FieldHighlightResult result = index.Highlight(prepared, article, ArticleFields.Body);
            Assert.NotEmpty(result.Fragments[0].Matches);
        });
    }

    public void Dispose() => index.Dispose();
}
