namespace Search.Core.Organisations;

/// <summary>
/// A trie over word keys: one dictionary lookup per word, so matching costs the same whatever the number
/// of aliases. Immutable after construction, so one instance serves concurrent extractions.
/// </summary>
internal sealed class AliasTrie
{
    internal sealed class Node
    {
        private Dictionary<string, Node>? children;

        public List<AliasTarget>? Targets { get; private set; }

        public Node? Child(string key) => children != null && children.TryGetValue(key, out var next) ? next : null;

        public Node GetOrAddChild(string key)
        {
            children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!children.TryGetValue(key, out var next))
            {
                next = new Node();
                children.Add(key, next);
            }
            return next;
        }

        public void AddTarget(AliasTarget target, bool first)
        {
            Targets ??= [];
            if (first)
            {
                Targets.Insert(0, target);
            }
            else
            {
                Targets.Add(target);
            }
        }
    }

    public Node Root { get; } = new();

    /// <summary>Adds an alias; <paramref name="first"/> gives it precedence over earlier ones with the same words.</summary>
    public void Add(GazetteerEntry entry, GazetteerAlias alias, bool first)
    {
        var text = alias.Text;
        var tokens = WordTokenizer.Tokenize(text);
        if (tokens.Length == 0)
        {
            return;
        }
        var node = Root;
        var caseKeys = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            node = node.GetOrAddChild(KeyOf(tokens[i], i == 0));
            caseKeys[i] = CaseKey(text.AsSpan(tokens[i].Start, tokens[i].Length));
        }
        node.AddTarget(new AliasTarget(entry, alias, caseKeys), first);
    }

    /// <summary>The targets for a whole word-key sequence, or null.</summary>
    public List<AliasTarget>? Find(IEnumerable<string> keys)
    {
        Node? node = Root;
        foreach (var key in keys)
        {
            node = node.Child(key);
            if (node == null)
            {
                return null;
            }
        }
        return node == Root ? null : node.Targets;
    }

    /// <summary>
    /// The trie key of a word; after a possessive it is marked, so "Moody's Investors Service" matches only
    /// text with the possessive and "Google's Project Zero" is not read as one name "Google Project Zero".
    /// </summary>
    public static string KeyOf(WordToken token, bool first) =>
        !first && token.Gap == TokenGap.Possessive ? "'s " + token.Key : token.Key;

    /// <summary>A word as written, without dots and with one apostrophe style, for case-sensitive aliases.</summary>
    public static string CaseKey(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int length = 0;
        foreach (char c in word)
        {
            if (c != '.')
            {
                buffer[length++] = WordTokenizer.IsApostrophe(c) ? '\'' : c;
            }
        }
        return new string(buffer[..length]);
    }
}
