using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Core.Tests.Ingest;

public class ArticleValidatorTests
{
    private static readonly Article Valid = new() { Id = "a", Title = "Title", Body = "Body" };

    [Fact]
    public void Valid_article_gives_null()
    {
        Assert.Null(ArticleValidator.Validate(Valid, 1_000));
        Assert.Null(ArticleValidator.Validate(Valid with { Title = "" }, 1_000));
        Assert.Null(ArticleValidator.Validate(Valid with { Body = "nul \0 kept" }, 1_000));
    }

    [Theory]
    [InlineData("", "missing id")]
    [InlineData(" \t", "missing id")]
    [InlineData("a\tb", "control characters")]
    [InlineData("a\nb", "control characters")]
    public void Bad_ids_are_rejected(string id, string expected)
    {
        string? message = ArticleValidator.Validate(Valid with { Id = id }, 1_000);

        Assert.NotNull(message);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_longer_than_512_characters_is_rejected()
    {
        Assert.Null(ArticleValidator.Validate(Valid with { Id = new string('i', 512) }, 10_000));

        string? message = ArticleValidator.Validate(Valid with { Id = new string('i', 513) }, 10_000);

        Assert.Equal("\"id\" is 513 characters long; the limit is 512", message);
    }

    [Fact]
    public void Empty_title_and_body_is_rejected()
    {
        string? message = ArticleValidator.Validate(Valid with { Title = " ", Body = "" }, 1_000);

        Assert.NotNull(message);
        Assert.Contains("both empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_counts_every_field_in_utf8_and_message_states_size_and_limit()
    {
        // 'é' is two bytes in UTF-8: id 1 + title 2 + body 2 + source 1 + tags 2 + organisations 2 = 10 bytes.
        var article = new Article
        {
            Id = "a", Title = "é", Body = "é", Source = "s", Tags = ["t", "u"], Organisations = ["o", "p"],
        };

        Assert.Equal(10, ArticleValidator.Utf8Size(article));
        Assert.Null(ArticleValidator.Validate(article, 10));
        Assert.Equal("article is too large: 10 bytes of UTF-8 text, the limit is 9 bytes",
            ArticleValidator.Validate(article, 9));
    }
}
