using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Benchmarks;

/// <summary>
/// The repository's samples/ folder, copied next to the binary: JSON Lines and plain-text articles. Larger
/// sets are made by repeating the samples under new ids, so that counts are realistic without any outside data.
/// </summary>
public static class SampleData
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "samples");

    public static byte[] JsonLinesBytes() => File.ReadAllBytes(Path.Combine(Folder, "articles.jsonl"));

    /// <summary>(id, text) of every plain-text sample, the seed article included.</summary>
    public static IReadOnlyList<(string Id, string Text)> PlainTexts() =>
        Directory.EnumerateFiles(Folder, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>Every sample article (JSON Lines and plain text), parsed once.</summary>
    public static IReadOnlyList<Article> Articles()
    {
        var options = new ArticleReaderOptions();
        var articles = new List<Article>();
        using (var stream = new MemoryStream(JsonLinesBytes()))
        {
            articles.AddRange(JsonLinesArticleParser.Parse(stream, "articles.jsonl", options).Select(r => r.Article).OfType<Article>());
        }
        foreach (var (id, text) in PlainTexts())
        {
            if (PlainTextArticleParser.ParseText(text, id, id, options).Article is { } article)
            {
                articles.Add(article);
            }
        }
        return articles;
    }

    /// <summary>The samples repeated <paramref name="copies"/> times with distinct ids.</summary>
    public static IReadOnlyList<Article> Repeated(int copies)
    {
        IReadOnlyList<Article> samples = Articles();
        return Enumerable.Range(0, copies)
            .SelectMany(copy => samples.Select(a => a with { Id = $"{a.Id}-{copy}" }))
            .ToList();
    }
}
