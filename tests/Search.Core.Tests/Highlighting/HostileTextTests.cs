using Search.Core.Highlighting;
using Search.Core.Schema;

namespace Search.Core.Tests.Highlighting;

public sealed class HostileTextTests : IDisposable
{
    private static readonly string[] Corpus =
    [
        "<script>alert('machine')</script> machine",
        "<img src=x onerror=\"alert(1)\"> machine learning",
        "Entities &amp; &lt;script&gt; &#60;b&#62; machine",
        "Broken <<b tags <a href='x machine</a <i",
        "'\"><svg/onload=alert(1)> machine //",
        "Right-to-left \u202Egnp.exe machine \u202Dand \u2066isolates\u2069 \u200Fmarks",
        "NUL\0in the\0 machine\0 text \u0001\u001F\u007F\u0085 controls",
        "Astral \U0001F916 machine \U0001D4DC\U0001D4EA letters <b>",
        "machine " + new string('<', 500) + " tail machine",
        "A very long line " + string.Concat(Enumerable.Repeat("<machine>&", 80)),
    ];

    private readonly HighlightTestIndex index = new(Corpus.Select(body => ("<b>machine</b> title", body)).ToArray());

    [Fact]
    public void Hostile_text_never_yields_markup_other_than_the_tags()
    {
        foreach (string query in new[] { "machine", "\"machine learning\"", "mach*", "nothingmatches" })
        {
            HighlightQuery prepared = index.Highlighter.Prepare(index.Parse(query), index.Searcher);
            for (int i = 0; i < Corpus.Length; i++)
            {
                foreach (string field in new[] { ArticleFields.Title, ArticleFields.Body })
                {
                    string text = index.StoredText(i, field);
                    FieldHighlightResult result = index.Highlight(prepared, i, field);
                    Assert.All(result.Fragments, f => FragmentAssert.Consistent(text, f));
                }
            }
        }
    }

    [Fact]
    public void Script_tags_and_entities_are_escaped()
    {
        HighlightFragment fragment = index.Highlight("machine", 0, ArticleFields.Body).Fragments[0];
        Assert.StartsWith("&lt;script&gt;alert(&#39;<em>machine</em>&#39;)&lt;/script&gt;", fragment.Text, StringComparison.Ordinal);

        HighlightFragment entities = index.Highlight("machine", 2, ArticleFields.Body).Fragments[0];
        Assert.Contains("&amp;amp; &amp;lt;script&amp;gt;", entities.Text, StringComparison.Ordinal);

        HighlightFragment title = index.Highlight("machine", 0, ArticleFields.Title).Fragments[0];
        Assert.Equal("&lt;b&gt;<em>machine</em>&lt;/b&gt; title", title.Text);
    }

    [Fact]
    public void Bidi_overrides_and_nul_are_numeric_references()
    {
        string rtl = index.Highlight("machine", 5, ArticleFields.Body).Fragments[0].Text;
        Assert.Contains("&#x202E;gnp.exe", rtl, StringComparison.Ordinal);

        string nul = index.Highlight("machine", 6, ArticleFields.Body).Fragments[0].Text;
        Assert.StartsWith("NUL&#x0;in the&#x0; <em>machine</em>&#x0;", nul, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogates_are_replaced_not_passed_through()
    {
        // Stored fields already turn lone surrogates into U+FFFD, so check the writer directly with raw text.
        var builder = new System.Text.StringBuilder();

        string text = "a\uD800b\uDC00c\U0001F600";

        HtmlFragmentWriter.AppendEscaped(builder, text, 0, text.Length);

        Assert.Equal("a&#xFFFD;b&#xFFFD;c\U0001F600", builder.ToString());
    }

    public void Dispose() => index.Dispose();
}
