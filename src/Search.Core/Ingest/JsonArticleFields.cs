using Search.Core.Model;

namespace Search.Core.Ingest;

/// <summary>Values collected while reading one JSON Lines record, before they become an <see cref="Article"/>.</summary>
internal sealed class JsonArticleFields
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? Published { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? Organisations { get; set; }

    /// <summary>One message per wrong field; the record is rejected when there is any.</summary>
    public List<string> Errors { get; } = [];

    public Article ToArticle(string defaultSource)
    {
        string source = Clean(Source).Trim();
        return new Article
        {
            Id = Id ?? "",
            Title = Clean(Title).Trim(),
            Body = Clean(Body),
            Source = source.Length == 0 ? defaultSource : source,
            Author = Clean(Author).Trim(),
            Url = (Url ?? "").Trim(),
            Published = Published,
            Tags = CleanList(Tags),
            Organisations = CleanList(Organisations),
        };
    }

    private static string Clean(string? text) => text is null ? "" : TextNormalizer.NormaliseSpaces(text);

    /// <summary>Trims entries and drops blank ones: an empty tag cannot be searched or faceted usefully.</summary>
    private static string[] CleanList(List<string>? values) =>
        values is null ? [] : values.Select(v => Clean(v).Trim()).Where(v => v.Length > 0).ToArray();
}
