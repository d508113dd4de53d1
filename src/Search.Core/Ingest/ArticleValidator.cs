using System.Globalization;
using System.Text;
using Search.Core.Model;

namespace Search.Core.Ingest;

/// <summary>
/// Checks that an article can be indexed. Shared by the file parsers and the gRPC ingest path, so it knows nothing
/// about files: the caller adds the location to the message.
/// </summary>
public static class ArticleValidator
{
    /// <summary>Ids are stored as exact-match terms and shown in messages, so they are kept reasonably short.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Returns null when <paramref name="article"/> is valid, otherwise a message saying what to fix.</summary>
    public static string? Validate(Article article, int maxArticleBytes)
    {
        ArgumentNullException.ThrowIfNull(article);

        if (string.IsNullOrWhiteSpace(article.Id))
        {
            return "missing id: every article needs a non-blank \"id\"";
        }
        if (article.Id.Length > MaxIdLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"\"id\" is {article.Id.Length} characters long; the limit is {MaxIdLength}");
        }
        // Text fields may hold any character, but an id with control characters cannot be typed, logged or
        // looked up reliably.
        if (article.Id.Any(char.IsControl))
        {
            return "\"id\" contains control characters (such as NUL, tab or newline); use printable characters only";
        }
        if (string.IsNullOrWhiteSpace(article.Title) && string.IsNullOrWhiteSpace(article.Body))
        {
            return "\"title\" and \"body\" are both empty: an article needs at least one of them";
        }

        long size = Utf8Size(article);
        if (size > maxArticleBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"article is too large: {size:N0} bytes of UTF-8 text, the limit is {maxArticleBytes:N0} bytes");
        }
        return null;
    }

    /// <summary>UTF-8 size of every text field of <paramref name="article"/>, the quantity the size limit applies to.</summary>
    public static long Utf8Size(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        long size = (long)Encoding.UTF8.GetByteCount(article.Id)
            + Encoding.UTF8.GetByteCount(article.Title)
            + Encoding.UTF8.GetByteCount(article.Body)
            + Encoding.UTF8.GetByteCount(article.Source)
            + Encoding.UTF8.GetByteCount(article.Author)
            + Encoding.UTF8.GetByteCount(article.Url);
        foreach (string tag in article.Tags)
        {
            size += Encoding.UTF8.GetByteCount(tag);
        }
        foreach (string organisation in article.Organisations)
        {
            size += Encoding.UTF8.GetByteCount(organisation);
        }
        return size;
    }
}
