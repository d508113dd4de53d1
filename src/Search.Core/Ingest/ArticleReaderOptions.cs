namespace Search.Core.Ingest;

/// <summary>Settings shared by the file parsers.</summary>
public sealed class ArticleReaderOptions
{
    /// <summary>
    /// Largest article accepted, as the UTF-8 size of all its text fields together (id, title, body, source, author,
    /// url, tags and organisations). One mebibyte by default: far above any news article, low enough that one bad
    /// record cannot exhaust memory.
    /// </summary>
    public int MaxArticleBytes { get; set; } = 1_048_576;

    /// <summary>Source stored for plain-text files that have no <c>(Source – tags)</c> footer.</summary>
    public string DefaultSource { get; set; } = "unknown";
}
