using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>Reads the harness corpus (articles.jsonl) into wire articles; null fields are simply left unset.</summary>
internal static class ArticleJson
{
    public static IEnumerable<List<Article>> ReadBatches(string path, int batchSize)
    {
        var batch = new List<Article>(batchSize);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            batch.Add(Parse(line));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<Article>(batchSize);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The whole corpus in file order, for runs that split it (the load run ingests halves).</summary>
    public static List<Article> ReadAll(string path) =>
        File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(Parse).ToList();

    /// <summary>Source of every article, for the fourth mode's filter (the corpus's most frequent source).</summary>
    public static string? TopSource(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            if (Text(doc.RootElement, "source") is { Length: > 0 } source)
            {
                counts[source] = counts.GetValueOrDefault(source) + 1;
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
    }

    private static Article Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        JsonElement root = doc.RootElement;
        var article = new Article
        {
            Id = Text(root, "id") ?? "",
            Title = Text(root, "title") ?? "",
            Body = Text(root, "body") ?? "",
            Source = Text(root, "source") ?? "",
            Author = Text(root, "author") ?? "",
            Url = Text(root, "url") ?? "",
        };
        if (Text(root, "published") is { Length: > 0 } published
            && DateTime.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime when))
        {
            article.Published = Timestamp.FromDateTime(DateTime.SpecifyKind(when, DateTimeKind.Utc));
        }
        article.Tags.AddRange(Texts(root, "tags"));
        article.Organisations.AddRange(Texts(root, "organisations"));
        return article;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Texts(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
