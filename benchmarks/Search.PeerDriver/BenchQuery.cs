using System.Text.Json;

namespace Search.PeerDriver;

/// <summary>One line of the harness's queries.jsonl: <c>{"q", "kind", "source_filter", "terms"}</c>.</summary>
internal sealed record BenchQuery(string Q, string Kind, string? SourceFilter, IReadOnlyList<string> Terms)
{
    public static List<BenchQuery> Load(string path)
    {
        var queries = new List<BenchQuery>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            string? source = root.TryGetProperty("source_filter", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var terms = root.GetProperty("terms").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
            queries.Add(new BenchQuery(root.GetProperty("q").GetString() ?? "", root.GetProperty("kind").GetString() ?? "", source, terms));
        }
        return queries;
    }

    /// <summary>
    /// The query in our syntax, built from the terms rather than copied from <c>q</c> so that the meaning is ours:
    /// words are all required (<c>a b</c> is a two-term AND) and a phrase is quoted. The harness's words are
    /// lower-case [a-z]{3,20} and never stop words, so they cannot collide with the upper-case operators.
    /// </summary>
    public string ToServiceQuery() => Kind == "phrase"
        ? "\"" + string.Join(' ', Terms) + "\""
        : string.Join(' ', Terms);
}
