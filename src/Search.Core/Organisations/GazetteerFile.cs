using System.Text.Json;

namespace Search.Core.Organisations;

/// <summary>
/// Reads the gazetteer JSON format: <c>{"version": "...", "organisations": [{"name", "kind", "aliases",
/// "replace"}]}</c>, where an alias is a string or an object <c>{"text", "caseSensitive", "allCapsOnly",
/// "requireNearby", "window", "notAfter", "notBefore"}</c>.
/// </summary>
internal static class GazetteerFile
{
    /// <summary>A parsed entry; <paramref name="Replace"/> says a user entry overrides rather than extends.</summary>
    internal sealed record ParsedEntry(GazetteerEntry Entry, bool Replace);

    public static (string Version, IReadOnlyList<ParsedEntry> Entries) Parse(ReadOnlySpan<byte> utf8Json)
    {
        // Files saved by editors often start with a UTF-8 byte order mark, which the JSON reader rejects.
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        string version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var entries = new List<ParsedEntry>();
        if (root.TryGetProperty("organisations", out var organisations))
        {
            foreach (var item in organisations.EnumerateArray())
            {
                entries.Add(ParseEntry(item));
            }
        }
        return (version, entries);
    }

    private static ParsedEntry ParseEntry(JsonElement item)
    {
        string name = item.GetProperty("name").GetString() ?? throw new FormatException("Gazetteer entry without a name.");
        string kind = item.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
        bool replace = item.TryGetProperty("replace", out var r) && r.ValueKind == JsonValueKind.True;
        var aliases = new List<GazetteerAlias>();
        if (item.TryGetProperty("aliases", out var list))
        {
            foreach (var alias in list.EnumerateArray())
            {
                aliases.Add(alias.ValueKind == JsonValueKind.String
                    ? new GazetteerAlias(alias.GetString()!, null)
                    : new GazetteerAlias(alias.GetProperty("text").GetString()!, ParseRule(alias)));
            }
        }
        return new ParsedEntry(new GazetteerEntry(name, kind, aliases), replace);
    }

    private static AliasRule ParseRule(JsonElement alias) => new()
    {
        CaseSensitive = alias.TryGetProperty("caseSensitive", out var cs) && cs.ValueKind == JsonValueKind.True,
        AllCapsOnly = alias.TryGetProperty("allCapsOnly", out var ac) && ac.ValueKind == JsonValueKind.True,
        RequireNearby = Words(alias, "requireNearby"),
        Window = alias.TryGetProperty("window", out var w) ? w.GetInt32() : 0,
        NotAfter = Words(alias, "notAfter"),
        NotBefore = Words(alias, "notBefore"),
    };

    private static string[] Words(JsonElement alias, string property) =>
        alias.TryGetProperty(property, out var array)
            ? array.EnumerateArray().Select(e => WordTokenizer.MakeKey(e.GetString() ?? "")).Where(s => s.Length > 0).ToArray()
            : [];
}
