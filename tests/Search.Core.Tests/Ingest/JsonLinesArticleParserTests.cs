using System.Text;
using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Core.Tests.Ingest;

public class JsonLinesArticleParserTests
{
    private const string Path = "feed.jsonl";

    private static List<IngestRecord> Parse(string jsonLines, ArticleReaderOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(jsonLines), options);

    private static List<IngestRecord> Parse(byte[] bytes, ArticleReaderOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return JsonLinesArticleParser.Parse(stream, Path, options ?? new ArticleReaderOptions()).ToList();
    }

    private static Article ParseOne(string line)
    {
        IngestRecord record = Assert.Single(Parse(line));
        Assert.Null(record.Error);
        return Assert.IsType<Article>(record.Article);
    }

    private static IngestError ParseOneError(string line)
    {
        IngestRecord record = Assert.Single(Parse(line));
        Assert.Null(record.Article);
        return Assert.IsType<IngestError>(record.Error);
    }

    [Fact]
    public void Full_record_maps_every_field()
    {
        Article article = ParseOne("""
            {"id":"a1","title":"  Hello\u00A0world ","body":"Body\u202Ftext","source":"Reuters","author":"Ann Lee","published":"2018-11-09","url":"https://example.com/a1","organisations":["Europol","NATO"],"tags":["police"," ",""],"extra":{"nested":[1,2]}}
            """);

        Assert.Equal("a1", article.Id);
        Assert.Equal("Hello world", article.Title);
        Assert.Equal("Body text", article.Body);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal("Ann Lee", article.Author);
        Assert.Equal("https://example.com/a1", article.Url);
        Assert.Equal(["Europol", "NATO"], article.Organisations);
        Assert.Equal(["police"], article.Tags);
    }

    [Theory]
    [InlineData("2018-11-09", "2018-11-09T00:00:00+00:00")]
    [InlineData("1987-02-26T15:02:20", "1987-02-26T15:02:20+00:00")]
    [InlineData("1987-02-26T15:02:20Z", "1987-02-26T15:02:20+00:00")]
    [InlineData("2020-05-01T10:00:00+02:00", "2020-05-01T08:00:00+00:00")]
    [InlineData("2020-05-01T10:00:00.5-05:30", "2020-05-01T15:30:00.5+00:00")]
    public void Published_accepts_date_date_time_and_offset_stored_as_utc(string published, string expectedUtc)
    {
        Article article = ParseOne($$"""{"id":"d","title":"T","published":"{{published}}"}""");

        Assert.NotNull(article.Published);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(TimeSpan.Zero, article.Published.Value.Offset);
    }

    [Fact]
    public void Null_author_url_published_and_arrays_become_empty()
    {
        Article article = ParseOne("""{"id":"n","title":"T","author":null,"url":null,"published":null,"tags":null,"source":"Reuters"}""");

        Assert.Equal("", article.Author);
        Assert.Equal("", article.Url);
        Assert.Null(article.Published);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Missing_source_uses_the_default()
    {
        Article article = ParseOne("""{"id":"s","title":"T"}""");

        Assert.Equal("unknown", article.Source);
    }

    [Fact]
    public void Bad_json_line_is_reported_with_its_line_number_and_the_others_land()
    {
        List<IngestRecord> records = Parse(
            "{\"id\":\"1\",\"title\":\"One\"}\n" +
            "\n" +
            "{\"id\":\"2\",\"title\":\"Two\"\n" +
            "   \r\n" +
            "{\"id\":\"3\",\"title\":\"Three\"}\r\n" +
            "{\"id\":\"4\",\"title\":\"Four\"} trailing\n" +
            "[1,2]\n" +
            "{\"id\":\"5\",\"title\":\"Five\"}");

        Assert.Equal(["1", "3", "5"], records.Where(r => r.Article is not null).Select(r => r.Article!.Id));
        IngestError[] errors = records.Where(r => r.Error is not null).Select(r => r.Error!).ToArray();
        Assert.Equal(["feed.jsonl:3", "feed.jsonl:6", "feed.jsonl:7"], errors.Select(e => e.Location));
        Assert.All(errors, e => Assert.Contains("JSON", e.Message, StringComparison.Ordinal));
        Assert.Equal("2", errors[0].Id);
        Assert.Contains("expected a JSON object, found an array", errors[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"w","title":42}""", "\"title\" must be a string, found a number")]
    [InlineData("""{"id":"w","title":"T","tags":"police"}""", "\"tags\" must be an array of strings, found a string")]
    [InlineData("""{"id":"w","title":"T","organisations":["NATO",{"x":1}]}""", "\"organisations[1]\" must be a string, found an object")]
    [InlineData("""{"id":"w","title":"T","published":20181109}""", "\"published\" must be an ISO-8601 date string or null, found a number")]
    [InlineData("""{"id":"w","title":"T","published":"9 Nov 2018"}""", "\"published\" is not an ISO-8601 date or date-time: \"9 Nov 2018\"")]
    [InlineData("""{"id":"w","title":"T","author":true}""", "\"author\" must be a string, found a boolean")]
    public void Wrong_types_are_rejected_naming_the_field(string line, string expectedMessage)
    {
        IngestError error = ParseOneError(line);

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal("w", error.Id);
        Assert.Equal("feed.jsonl:1", error.Location);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        IngestError error = ParseOneError("""{"title":1,"body":[],"id":"x"}""");

        Assert.Contains("\"title\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"body\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("x", error.Id);
    }

    [Theory]
    [InlineData("""{"title":"T","body":"B"}""")]
    [InlineData("""{"id":"  ","title":"T"}""")]
    [InlineData("""{"id":null,"title":"T"}""")]
    public void Missing_or_blank_id_is_rejected(string line)
    {
        IngestError error = ParseOneError(line);

        Assert.Contains("id", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("missing id", StringComparison.Ordinal)
            || error.Message.Contains("\"id\" must be a string", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Empty_title_and_body_is_rejected()
    {
        IngestError error = ParseOneError("""{"id":"e","title":"  ","body":"","source":"Reuters"}""");

        Assert.Contains("\"title\" and \"body\" are both empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("e", error.Id);
    }

    [Fact]
    public void Oversized_record_is_rejected_with_size_and_limit()
    {
        var options = new ArticleReaderOptions { MaxArticleBytes = 1_000 };
        string body = new('x', 2_000);
        List<IngestRecord> records = Parse($$"""{"id":"big","title":"T","body":"{{body}}"}""" + "\n" +
            """{"id":"small","title":"T"}""", options);

        IngestError error = Assert.IsType<IngestError>(records[0].Error);
        Assert.Contains("limit is 1,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("2,0", error.Message, StringComparison.Ordinal);
        Assert.Equal("big", error.Id);
        Assert.Equal("small", records[1].Article?.Id);
    }

    [Fact]
    public void Line_far_beyond_the_limit_is_skipped_without_buffering_and_reading_goes_on()
    {
        var options = new ArticleReaderOptions { MaxArticleBytes = 10 };
        string huge = new('y', 500_000);
        List<IngestRecord> records = Parse($$"""{"id":"huge","body":"{{huge}}"}""" + "\n" +
            """{"id":"ok","title":"T"}""", options);

        Assert.Equal(2, records.Count);
        Assert.Contains("line is longer than", records[0].Error?.Message, StringComparison.Ordinal);
        Assert.Equal("feed.jsonl:1", records[0].Error?.Location);
        Assert.Equal("ok", records[1].Article?.Id);
    }

    [Fact]
    public void Invalid_utf8_line_is_rejected_and_the_next_line_lands()
    {
        byte[] bytes = [.. """{"id":"bad","title":"caf"""u8, 0xE9, .. "\"}\n"u8, .. """{"id":"good","title":"café"}"""u8];

        List<IngestRecord> records = Parse(bytes);

        Assert.Equal(2, records.Count);
        IngestError error = Assert.IsType<IngestError>(records[0].Error);
        Assert.Equal("feed.jsonl:1", error.Location);
        Assert.Contains("invalid UTF-8 at byte 24", error.Message, StringComparison.Ordinal);
        Assert.Equal("café", records[1].Article?.Title);
    }

    [Fact]
    public void Escaped_nul_and_control_characters_in_text_are_kept()
    {
        Article article = ParseOne("""{"id":"nul","title":"A\u0000B","body":"x\u0001y\u0000"}""");

        Assert.Equal("A\0B", article.Title);
        Assert.Equal("x\u0001y\0", article.Body);
    }

    [Fact]
    public void Raw_nul_byte_inside_a_string_is_invalid_json_not_a_crash()
    {
        byte[] bytes = [.. """{"id":"raw","title":"A"""u8, 0x00, .. "B\"}"u8];

        IngestError error = Assert.IsType<IngestError>(Assert.Single(Parse(bytes)).Error);

        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal("raw", error.Id);
    }

    [Fact]
    public void Id_with_control_characters_is_rejected()
    {
        IngestError error = ParseOneError("""{"id":"a\u0000b","title":"T"}""");

        Assert.Contains("control characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_on_the_first_line_is_ignored()
    {
        List<IngestRecord> records = Parse([0xEF, 0xBB, 0xBF, .. """{"id":"bom","title":"T"}"""u8]);

        Assert.Equal("bom", Assert.Single(records).Article?.Id);
    }

    [Fact]
    public void Lines_are_parsed_lazily()
    {
        // A stream that never ends: taking two records must not try to read it all.
        using var stream = new RepeatingStream("{\"id\":\"r\",\"title\":\"T\"}\n"u8.ToArray());

        List<IngestRecord> firstTwo = JsonLinesArticleParser.Parse(stream, Path, new ArticleReaderOptions()).Take(2).ToList();

        Assert.Equal(2, firstTwo.Count(r => r.Article?.Id == "r"));
    }
}
