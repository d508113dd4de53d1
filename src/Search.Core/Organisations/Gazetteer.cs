using System.Security.Cryptography;

namespace Search.Core.Organisations;

/// <summary>
/// The organisations known by name: the default list shipped in <c>gazetteer.json</c> (an embedded
/// resource), optionally merged with a user file in the same format. A user entry with the name of a
/// default entry adds aliases to it, or replaces it when it says <c>"replace": true</c>. Immutable.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "Search.Core.Organisations.gazetteer.json";
    private static readonly Lazy<Gazetteer> DefaultInstance = new(() => FromJson(ReadDefaultJson(), null));

    private readonly Dictionary<string, GazetteerEntry> entriesByName;

    private Gazetteer(string version, IReadOnlyList<GazetteerEntry> entries, ISet<string> userNames)
    {
        Version = version;
        Entries = entries;
        entriesByName = new Dictionary<string, GazetteerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            entriesByName.TryAdd(entry.Name, entry);
            bool fromUser = userNames.Contains(entry.Name);
            // The name is an alias too, unless an alias with the same words carries rules for it.
            var nameKey = KeyOf(entry.Name);
            if (!entry.Aliases.Any(a => a.Rule != null && KeyOf(a.Text) == nameKey))
            {
                Trie.Add(entry, new GazetteerAlias(entry.Name, null), fromUser);
            }
            foreach (var alias in entry.Aliases)
            {
                Trie.Add(entry, alias, fromUser);
            }
        }
    }

    /// <summary>The default gazetteer, loaded once.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>The default version, plus a hash of the user file when one is merged.</summary>
    public string Version { get; }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    internal AliasTrie Trie { get; } = new();

    /// <summary>The default gazetteer merged with the user file at <paramref name="userFilePath"/> (if given).</summary>
    public static Gazetteer Load(string? userFilePath) =>
        string.IsNullOrEmpty(userFilePath) ? Default : FromJson(ReadDefaultJson(), File.ReadAllBytes(userFilePath));

    /// <summary>Builds a gazetteer from the default file's bytes and an optional user file's bytes.</summary>
    public static Gazetteer FromJson(byte[] defaultJson, byte[]? userJson)
    {
        var (version, parsed) = GazetteerFile.Parse(defaultJson);
        var entries = parsed.Select(p => p.Entry).ToList();
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (userJson != null)
        {
            var (_, userEntries) = GazetteerFile.Parse(userJson);
            foreach (var user in userEntries)
            {
                userNames.Add(user.Entry.Name);
                int index = entries.FindIndex(e => string.Equals(e.Name, user.Entry.Name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    entries.Add(user.Entry);
                }
                else if (user.Replace)
                {
                    entries[index] = user.Entry;
                }
                else
                {
                    var existing = entries[index];
                    var kind = string.IsNullOrEmpty(user.Entry.Kind) ? existing.Kind : user.Entry.Kind;
                    entries[index] = existing with { Kind = kind, Aliases = [.. user.Entry.Aliases, .. existing.Aliases] };
                }
            }
            version = version + "+" + Convert.ToHexStringLower(SHA256.HashData(userJson))[..12];
        }
        return new Gazetteer(version, entries, userNames);
    }

    /// <summary>The entry with this canonical name (case-insensitive), or null.</summary>
    public GazetteerEntry? Find(string canonicalName) =>
        entriesByName.TryGetValue(canonicalName, out var entry) ? entry : null;

    internal static byte[] ReadDefaultJson()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string KeyOf(string text)
    {
        using var field = new TokenizedField("alias", text);
        return string.Join(' ', Enumerable.Range(0, field.Tokens.Length).Select(i => AliasTrie.KeyOf(field, i, i == 0)));
    }
}
