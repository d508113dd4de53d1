namespace Search.Core.Organisations;

/// <summary>Decides whether a trie match of an alias really names the organisation in its context.</summary>
internal static class AliasRuleEvaluator
{
    public static bool Accepts(AliasTarget target, TokenizedField field, int first, int last, TokenizedField other)
    {
        var tokens = field.Tokens;
        if (target.NeedsCapital && !field.IsShouting && !HasCapital(field, first, last))
        {
            return false;
        }
        // "Mr Shell", "Emma Lazarus": a one-word alias right after a title or first name is a surname.
        if (first == last && first > 0 && tokens[first].Gap == TokenGap.Space &&
            (OrganisationWordLists.PersonTitles.Contains(field.Key(first - 1)) ||
             (tokens[first - 1].Capitalised && OrganisationWordLists.FirstNames.Contains(field.Key(first - 1)))))
        {
            return false;
        }
        var rule = target.Alias.Rule;
        if (rule == null)
        {
            return true;
        }
        if (rule.NeedsCaseEvidence && field.IsShouting && (!target.IsAllCapsAlias || rule.RequireNearby.Count > 0))
        {
            return false;
        }
        if (rule.CaseSensitive && !field.IsShouting && !SpelledAsAlias(target, field, first, last))
        {
            return false;
        }
        if (rule.AllCapsOnly && !AllCaps(tokens, first, last))
        {
            return false;
        }
        if (first > 0 && IsOneOf(field.Key(first - 1), rule.NotAfter))
        {
            return false;
        }
        if (last + 1 < tokens.Length && IsOneOf(field.Key(last + 1), rule.NotBefore))
        {
            return false;
        }
        return rule.RequireNearby.Count == 0 || HasCue(rule, field, first, last, other);
    }

    private static bool HasCapital(TokenizedField field, int first, int last)
    {
        foreach (char c in field.TextOf(first, last))
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool SpelledAsAlias(AliasTarget target, TokenizedField field, int first, int last)
    {
        if (last - first + 1 != target.CaseKeys.Length)
        {
            return false;
        }
        for (int i = first; i <= last; i++)
        {
            var token = field.Tokens[i];
            if (AliasTrie.CaseKey(field.Text.AsSpan(token.Start, token.Length)) != target.CaseKeys[i - first])
            {
                return false;
            }
        }
        return true;
    }

    private static bool AllCaps(ReadOnlySpan<WordToken> tokens, int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (!tokens[i].AllCaps)
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasCue(AliasRule rule, TokenizedField field, int first, int last, TokenizedField other)
    {
        var tokens = field.Tokens;
        if (rule.Window <= 0)
        {
            // Anywhere in the article: the cue positions are found once per field and rule, not once per match.
            var (firstCue, lastCue) = field.CueRange(rule, IsCue);
            return (firstCue >= 0 && (firstCue < first || lastCue > last)) || other.CueRange(rule, IsCue).First >= 0;
        }
        int from = Math.Max(0, first - rule.Window);
        int to = Math.Min(tokens.Length - 1, last + rule.Window);
        for (int i = from; i <= to; i++)
        {
            if ((i < first || i > last) && IsCue(rule, field.Key(i)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> key, IReadOnlyList<string> words)
    {
        for (int w = 0; w < words.Count; w++)
        {
            if (key.SequenceEqual(words[w]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCue(AliasRule rule, ReadOnlySpan<char> key)
    {
        var cues = rule.RequireNearby;
        for (int c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            bool matches = cue[^1] == '*'
                ? key.Length >= cue.Length - 1 && key.StartsWith(cue.AsSpan(0, cue.Length - 1), StringComparison.Ordinal)
                : key.SequenceEqual(cue);
            if (matches)
            {
                return true;
            }
        }
        return false;
    }
}
