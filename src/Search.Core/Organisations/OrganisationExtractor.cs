using Search.Core.Model;

namespace Search.Core.Organisations;

/// <summary>
/// Finds organisations in an article: gazetteer aliases through a word trie (longest match, context
/// rules for ambiguous aliases), then names headed by an organisation word, then acronyms the article
/// defines. Every name maps to one canonical organisation. Immutable, so safe for concurrent use.
/// </summary>
public sealed class OrganisationExtractor : IOrganisationExtractor
{
    private readonly Gazetteer gazetteer;

    public OrganisationExtractor()
        : this(Gazetteer.Default)
    {
    }

    public OrganisationExtractor(Gazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
    }

    public IReadOnlyList<GazetteerEntry> KnownOrganisations => gazetteer.Entries;

    public string GazetteerVersion => gazetteer.Version;

    public OrganisationExtraction Extract(string title, string body, IReadOnlyList<string> givenOrganisations)
    {
        using var titleField = new TokenizedField("title", title ?? "");
        using var bodyField = new TokenizedField("body", body ?? "");
        MatchGazetteer(titleField, bodyField);
        MatchGazetteer(bodyField, titleField);
        OrganisationPatternRecogniser.FindAll(titleField);
        OrganisationPatternRecogniser.FindAll(bodyField);
        AcronymLinker.Apply(titleField, bodyField);

        var mentions = new List<OrganisationMention>(titleField.Matches.Count + bodyField.Matches.Count);
        AddMentions(titleField, mentions);
        AddMentions(bodyField, mentions);

        var organisations = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var given in givenOrganisations ?? [])
        {
            var canonical = Canonicalise(given);
            if (canonical.Length > 0 && seen.Add(canonical))
            {
                organisations.Add(canonical);
            }
        }
        foreach (var mention in mentions)
        {
            if (seen.Add(mention.Organisation))
            {
                organisations.Add(mention.Organisation);
            }
        }
        return new OrganisationExtraction(organisations, mentions);
    }

    public string Canonicalise(string name)
    {
        var normalised = OrganisationNameNormaliser.Normalise(name ?? "");
        if (normalised.Length == 0)
        {
            return "";
        }
        List<AliasTarget>? targets;
        using (var field = new TokenizedField("name", normalised))
        {
            targets = gazetteer.Trie.Find(field);
        }
        if (targets != null)
        {
            foreach (var target in targets)
            {
                // Without an article there is no context: only spelling can tell "IS" from "is".
                bool spelledRight = target.Alias.Rule is not { NeedsCaseEvidence: true }
                    || AliasTrie.CaseKey(normalised.Replace(" ", "", StringComparison.Ordinal)) == string.Concat(target.CaseKeys);
                if (spelledRight && (!target.NeedsCapital || normalised.Any(char.IsUpper) || target.Alias.Rule == null))
                {
                    return target.Entry.Name;
                }
            }
        }
        // A canonical name in any case ("apple", "islamic state") still means that organisation.
        return gazetteer.Find(normalised)?.Name ?? normalised;
    }

    public IReadOnlyList<string> AliasesOf(string canonicalName)
    {
        var entry = gazetteer.Find(canonicalName ?? "");
        if (entry == null)
        {
            return [];
        }
        return entry.Aliases.Select(a => a.Text).Where(a => !string.Equals(a, entry.Name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
    }

    private void MatchGazetteer(TokenizedField field, TokenizedField other)
    {
        var tokens = field.Tokens;
        int i = 0;
        var trie = gazetteer.Trie;
        while (i < tokens.Length)
        {
            // Most words start no alias: one bit test, not a call, a dictionary lookup and a stack buffer.
            if (!trie.MayStartAlias(tokens[i]))
            {
                i++;
                continue;
            }
            int matchedLast = TryMatchAt(field, other, i, out var target);
            if (matchedLast >= 0)
            {
                field.Add(MakeMatch(field, i, matchedLast, target!));
                i = matchedLast + 1;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The last token of the longest accepted alias starting at <paramref name="start"/>, or -1.</summary>
    private int TryMatchAt(TokenizedField field, TokenizedField other, int start, out AliasTarget? accepted)
    {
        var tokens = field.Tokens;
        accepted = null;
        var node = gazetteer.Trie.First(field, start);
        if (node == null)
        {
            return -1;
        }
        var firstNode = node;
        // Ends of the aliases met on the way; the trie is walked again for the few that are tried.
        Span<int> ends = stackalloc int[16];
        int count = 0;
        int j = start;
        while (true)
        {
            if (node.Targets != null && count < ends.Length)
            {
                ends[count++] = j;
            }
            if (j + 1 >= tokens.Length || tokens[j + 1].Gap is not (TokenGap.Space or TokenGap.Joiner or TokenGap.Possessive))
            {
                break;
            }
            var next = AliasTrie.Next(node, field, j + 1, false);
            if (next == null)
            {
                break;
            }
            node = next;
            j++;
        }
        for (int c = count - 1; c >= 0; c--)
        {
            var matched = firstNode;
            for (int k = start + 1; k <= ends[c]; k++)
            {
                matched = AliasTrie.Next(matched, field, k, false)!;
            }
            foreach (var target in matched.Targets!)
            {
                if (AliasRuleEvaluator.Accepts(target, field, start, ends[c], other))
                {
                    accepted = target;
                    return ends[c];
                }
            }
        }
        return -1;
    }

    /// <summary>
    /// The mention of an accepted alias: without a lower-case "the" before a name that does not own it
    /// ("the Dukes" names "Dukes"), and with the "'s" of aliases spelled with one ("Moody's").
    /// </summary>
    private static SpanMatch MakeMatch(TokenizedField field, int first, int last, AliasTarget target)
    {
        var tokens = field.Tokens;
        if (first < last && field.KeyIs(first, "the")
            && (!tokens[first].Capitalised || !target.Entry.Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase)))
        {
            first++;
        }
        int extra = 0;
        var aliasText = target.Alias.Text;
        var end = tokens[last].End;
        if (aliasText.Length > 2 && WordTokenizer.IsApostrophe(aliasText[^2]) && aliasText[^1] is 's' or 'S'
            && end + 1 < field.Text.Length && WordTokenizer.IsApostrophe(field.Text[end]) && field.Text[end + 1] is 's' or 'S')
        {
            extra = 2;
        }
        return new SpanMatch(first, last, target.Entry.Name, extra);
    }

    private static void AddMentions(TokenizedField field, List<OrganisationMention> mentions)
    {
        // The steps add matches mostly in text order already; sorting (stable) is needed only when they did not.
        var matches = field.Matches;
        bool inOrder = true;
        for (int k = 1; k < matches.Count && inOrder; k++)
        {
            inOrder = matches[k - 1].First <= matches[k].First;
        }
        if (!inOrder)
        {
            matches = matches.OrderBy(m => m.First).ToList();
        }
        foreach (var match in matches)
        {
            var startToken = field.Tokens[match.First];
            int end = field.Tokens[match.Last].End + match.ExtraEnd;
            mentions.Add(new OrganisationMention(match.Organisation, field.Text[startToken.Start..end], field.Name, startToken.Start, end));
        }
    }
}
