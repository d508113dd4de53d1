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

        /// <summary>The same children looked up by a word's key in the field's key buffer, without a string.</summary>
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> childrenByKey;

        /// <summary>
        /// One bit per child key hash (top eight bits of <see cref="KeyFilter.Hash"/>), so the word after a common
        /// first word ("the", "new") is mostly ruled out without a lookup. Keys marked as after a possessive are
        /// not in it: those are looked up directly.
        /// </summary>
        private ulong childBits0, childBits1, childBits2, childBits3;

        public List<AliasTarget>? Targets { get; private set; }

        public Node? Child(ReadOnlySpan<char> key) => children != null && childrenByKey.TryGetValue(key, out var next) ? next : null;

        /// <summary>The child for a word whose key has hash <paramref name="hash"/>, or null.</summary>
        public Node? Child(ReadOnlySpan<char> key, int hash)
        {
            uint slot = (uint)hash >> 24;
            ulong bits = (slot >> 6) switch
            {
                0 => childBits0,
                1 => childBits1,
                2 => childBits2,
                _ => childBits3,
            };
            return (bits & (1UL << (int)(slot & 63))) == 0 ? null : Child(key);
        }

        private void SetChildBit(int hash)
        {
            uint slot = (uint)hash >> 24;
            ulong bit = 1UL << (int)(slot & 63);
            switch (slot >> 6)
            {
                case 0: childBits0 |= bit; break;
                case 1: childBits1 |= bit; break;
                case 2: childBits2 |= bit; break;
                default: childBits3 |= bit; break;
            }
        }

        public Node GetOrAddChild(string key)
        {
            if (children == null)
            {
                children = new Dictionary<string, Node>(StringComparer.Ordinal);
                childrenByKey = children.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            if (!children.TryGetValue(key, out var next))
            {
                next = new Node();
                children.Add(key, next);
                if (!key.StartsWith(PossessiveMark, StringComparison.Ordinal))
                {
                    SetChildBit(KeyFilter.Hash(key));
                }
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

    /// <summary>Marks the key of a word after a possessive (see <see cref="KeyOf"/>).</summary>
    private const string PossessiveMark = "'s ";

    /// <summary>Longer keys are looked up through a heap buffer; news words are far shorter.</summary>
    private const int StackKeyLength = 128;

    public Node Root { get; } = new();

    /// <summary>The first words of all aliases, so a word that starts none costs no dictionary lookup.</summary>
    private readonly KeyFilter firstWords = new();

    /// <summary>Adds an alias; <paramref name="first"/> gives it precedence over earlier ones with the same words.</summary>
    public void Add(GazetteerEntry entry, GazetteerAlias alias, bool first)
    {
        var text = alias.Text;
        using var field = new TokenizedField("alias", text);
        var tokens = field.Tokens;
        if (tokens.Length == 0)
        {
            return;
        }
        var node = Root;
        var caseKeys = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            node = node.GetOrAddChild(KeyOf(field, i, i == 0));
            if (i == 0)
            {
                firstWords.Add(field.Key(0));
            }
            caseKeys[i] = CaseKey(text.AsSpan(tokens[i].Start, tokens[i].Length));
        }
        node.AddTarget(new AliasTarget(entry, alias, caseKeys), first);
    }

    /// <summary>The targets for all the words of <paramref name="field"/> as one alias, or null.</summary>
    public List<AliasTarget>? Find(TokenizedField field)
    {
        Node? node = Root;
        for (int i = 0; i < field.Tokens.Length && node != null; i++)
        {
            node = Next(node, field, i, i == 0);
        }
        return node == null || node == Root ? null : node.Targets;
    }

    /// <summary>False when no alias starts with this word; true when one may.</summary>
    public bool MayStartAlias(in WordToken token) => firstWords.MayContain(token.KeyHash);

    /// <summary>The node of the alias words starting with token <paramref name="index"/>, or null when none does.</summary>
    public Node? First(TokenizedField field, int index) =>
        firstWords.MayContain(field.Tokens[index].KeyHash) ? Root.Child(field.Key(index)) : null;

    /// <summary>The child of <paramref name="node"/> for token <paramref name="index"/> of the field, or null.</summary>
    public static Node? Next(Node node, TokenizedField field, int index, bool first)
    {
        var key = field.Key(index);
        if (first || field.Tokens[index].Gap != TokenGap.Possessive)
        {
            return node.Child(key, field.Tokens[index].KeyHash);
        }
        int length = PossessiveMark.Length + key.Length;
        Span<char> marked = length <= StackKeyLength ? stackalloc char[StackKeyLength] : new char[length];
        PossessiveMark.CopyTo(marked);
        key.CopyTo(marked[PossessiveMark.Length..]);
        return node.Child(marked[..length]);
    }

    /// <summary>
    /// The trie key of a word; after a possessive it is marked, so "Moody's Investors Service" matches only
    /// text with the possessive and "Google's Project Zero" is not read as one name "Google Project Zero".
    /// </summary>
    public static string KeyOf(TokenizedField field, int index, bool first) =>
        !first && field.Tokens[index].Gap == TokenGap.Possessive ? PossessiveMark + field.Key(index).ToString() : field.Key(index).ToString();

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
