using System.Text;
using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Core.Tests.Ingest;

public class PlainTextArticleParserTests
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "TestData", "seed",
        "000_f278579319015f6d.txt");

    private static readonly ArticleReaderOptions Options = new();

    private static IngestRecord ParseText(string text, string path = "articles/story.txt", ArticleReaderOptions? options = null) =>
        ParseBytes(Encoding.UTF8.GetBytes(text), path, options);

    private static IngestRecord ParseBytes(byte[] bytes, string path = "articles/story.txt", ArticleReaderOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return PlainTextArticleParser.Parse(stream, path, options ?? Options);
    }

    private static Article Ok(IngestRecord record)
    {
        Assert.Null(record.Error);
        return Assert.IsType<Article>(record.Article);
    }

    [Fact]
    public void Seed_parses_title_author_source_tags_and_body()
    {
        using FileStream stream = File.OpenRead(SeedPath);
        Article article = Ok(PlainTextArticleParser.Parse(stream, SeedPath, Options));

        Assert.Equal("000_f278579319015f6d", article.Id);
        Assert.Equal("European and US police hit the Islamic State propaganda machine", article.Title);
        Assert.Equal("Pierluigi Paganini", article.Author);
        Assert.Equal("Security Affairs", article.Source);
        Assert.Equal(["Europol", "online terrorist propaganda"], article.Tags);
        Assert.Null(article.Published);
        Assert.StartsWith("European law enforcement agencies", article.Body, StringComparison.Ordinal);
        Assert.EndsWith("said the EU security commissioner, Julian King.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Paganini", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("(Security Affairs", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00A0', article.Body);
        Assert.DoesNotContain('\u00A0', article.Title);
        Assert.DoesNotContain("\n\n", article.Body, StringComparison.Ordinal);
        Assert.All(article.Body.Split('\n'), line => Assert.Equal(line.Trim(), line));
    }

    [Fact]
    public void Seed_with_crlf_line_endings_parses_the_same()
    {
        byte[] lf = File.ReadAllBytes(SeedPath);
        string crlf = Encoding.UTF8.GetString(lf).Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\n", crlf, StringComparison.Ordinal);

        using var stream = new MemoryStream(lf);
        Article expected = Ok(PlainTextArticleParser.Parse(stream, SeedPath, Options));
        Article actual = Ok(ParseText(crlf, SeedPath));

        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Author, actual.Author);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.DoesNotContain('\r', actual.Body);
    }

    [Fact]
    public void Footer_without_dash_gives_source_and_no_tags()
    {
        Article article = Ok(ParseText("Title\nFirst paragraph.\nJane Doe\n(The Record)\n"));

        Assert.Equal("The Record", article.Source);
        Assert.Empty(article.Tags);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal("First paragraph.", article.Body);
    }

    [Theory]
    [InlineData("(Threatpost — NATO, cyber defence)")]
    [InlineData("(Threatpost - NATO, cyber defence)")]
    [InlineData("(Threatpost \u00A0– NATO,cyber defence )")]
    public void Footer_accepts_em_dash_hyphen_and_en_dash(string footer)
    {
        Article article = Ok(ParseText($"Title\nBody line.\nJohn Roe\n{footer}"));

        Assert.Equal("Threatpost", article.Source);
        Assert.Equal(["NATO", "cyber defence"], article.Tags);
        Assert.Equal("John Roe", article.Author);
    }

    [Fact]
    public void Hyphen_inside_a_word_does_not_split_the_footer()
    {
        Article article = Ok(ParseText("Title\nBody.\nAuthor\n(Al-Monitor – Middle East)"));

        Assert.Equal("Al-Monitor", article.Source);
        Assert.Equal(["Middle East"], article.Tags);
    }

    [Fact]
    public void Without_footer_the_last_lines_are_body_and_source_is_the_default()
    {
        var options = new ArticleReaderOptions { DefaultSource = "local files" };
        Article article = Ok(ParseText("\t Title \t\n\nOne.\n  Two.  \nThree (maybe).\n", options: options));

        Assert.Equal("Title", article.Title);
        Assert.Equal("One.\nTwo.\nThree (maybe).", article.Body);
        Assert.Equal("local files", article.Source);
        Assert.Equal("", article.Author);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Line_with_two_parenthesised_parts_is_not_a_footer()
    {
        Article article = Ok(ParseText("Title\nBody.\n(a) and (b)"));

        Assert.Equal("unknown", article.Source);
        Assert.Equal("Body.\n(a) and (b)", article.Body);
    }

    [Fact]
    public void Id_is_the_file_name_without_extension()
    {
        Article article = Ok(ParseText("Title\nBody", Path.Combine("some", "dir", "abc_123.txt")));

        Assert.Equal("abc_123", article.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n \u00A0 \n")]
    public void Empty_or_blank_file_is_a_failed_record(string text)
    {
        IngestRecord record = ParseText(text);

        Assert.Null(record.Article);
        Assert.NotNull(record.Error);
        Assert.Contains("empty file", record.Error.Message, StringComparison.Ordinal);
        Assert.Equal("articles/story.txt", record.Error.Location);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_byte_offset_and_line()
    {
        byte[] bytes = [.. "Title\nGood line\nBad "u8, 0xC3, 0x28, .. " line\n"u8];

        IngestRecord record = ParseBytes(bytes);

        Assert.Null(record.Article);
        Assert.NotNull(record.Error);
        Assert.Equal("articles/story.txt:3", record.Error.Location);
        Assert.Contains("byte offset 20", record.Error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", record.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_article_is_rejected_with_size_and_limit()
    {
        var options = new ArticleReaderOptions { MaxArticleBytes = 100 };
        IngestRecord record = ParseText("Title\n" + new string('x', 200), options: options);

        Assert.Null(record.Article);
        Assert.NotNull(record.Error);
        Assert.Contains("limit is 100 bytes", record.Error.Message, StringComparison.Ordinal);
        Assert.Equal("story", record.Error.Id);
    }
}
