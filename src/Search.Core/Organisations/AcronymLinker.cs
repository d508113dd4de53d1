namespace Search.Core.Organisations;

/// <summary>
/// Acronyms defined in the article: "European Counter Terrorism Centre (ECTC)" or "ECTC (European Counter
/// Terrorism Centre)" link the acronym to the organisation already found for the long form, and every later
/// use of the acronym in the article becomes a mention of that organisation.
/// </summary>
internal static class AcronymLinker
{
    private const int MaxAcronymWords = 3;

    private sealed record Definition(string[] Words, string Organisation, TokenizedField Field, int Position);

    public static void Apply(TokenizedField title, TokenizedField body)
    {
        var definitions = new List<Definition>();
        Collect(title, definitions);
        Collect(body, definitions);
        if (definitions.Count == 0)
        {
            return;
        }
        foreach (var definition in definitions)
        {
            // Applies to the rest of the article; the title summarises the body, so all of it counts as after.
            foreach (var field in new[] { title, body })
            {
                // In an all-capitals headline "IS" or "EC" may be plain words.
                if (field.IsShouting && definition.Words.Sum(w => w.Length) <= 2)
                {
                    continue;
                }
                MarkUses(field, definition, field == definition.Field ? definition.Position : 0);
            }
        }
    }

    private static void Collect(TokenizedField field, List<Definition> definitions)
    {
        var tokens = field.Tokens;
        foreach (var match in field.Matches.ToArray())
        {
            // Long form (ACRONYM)
            if (match.Last + 1 < tokens.Length && IsOpening(field.GapAfter(match.Last)))
            {
                int first = match.Last + 1;
                int last = AcronymRunFrom(field, first);
                if (last >= first && IsClosing(field.GapAfter(last)) && Abbreviates(field, first, last, match))
                {
                    definitions.Add(Define(field, first, last, match.Organisation));
                }
            }
            // ACRONYM (Long form)
            if (match.First > 0 && IsOpening(field.GapBefore(match.First)) && IsClosing(field.GapAfter(match.Last)))
            {
                int last = match.First - 1;
                int first = last;
                while (first > 0 && last - first + 1 < MaxAcronymWords && IsAcronymWord(tokens[first - 1]) && tokens[first].Gap == TokenGap.Space)
                {
                    first--;
                }
                if (IsAcronymWord(tokens[last]) && Abbreviates(field, first, last, match))
                {
                    definitions.Add(Define(field, first, last, match.Organisation));
                }
            }
        }
    }

    private static Definition Define(TokenizedField field, int first, int last, string organisation)
    {
        var words = new string[last - first + 1];
        for (int i = first; i <= last; i++)
        {
            words[i - first] = field.Text.Substring(field.Tokens[i].Start, field.Tokens[i].Length);
        }
        if (!field.AnyCovered(first, last))
        {
            field.Add(new SpanMatch(first, last, organisation));
        }
        return new Definition(words, organisation, field, last + 1);
    }

    private static int AcronymRunFrom(TokenizedField field, int first)
    {
        var tokens = field.Tokens;
        int last = first - 1;
        for (int k = first; k < tokens.Length && k - first < MaxAcronymWords && IsAcronymWord(tokens[k]); k++)
        {
            if (k > first && tokens[k].Gap != TokenGap.Space)
            {
                break;
            }
            last = k;
        }
        return last;
    }

    private static bool IsAcronymWord(WordToken token) => token.AllCaps && token.Length is >= 2 and <= 8;

    private static bool IsOpening(ReadOnlySpan<char> gap) => gap.Trim().SequenceEqual("(") || gap.Trim().SequenceEqual("[");

    private static bool IsClosing(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.TrimStart();
        return trimmed.Length > 0 && trimmed[0] is ')' or ']';
    }

    /// <summary>The acronym's letters appear in order in the long form, the first one opening a word of it.</summary>
    private static bool Abbreviates(TokenizedField field, int first, int last, SpanMatch longForm)
    {
        var letters = new List<char>();
        for (int i = first; i <= last; i++)
        {
            foreach (char c in field.Key(i))
            {
                if (char.IsLetter(c))
                {
                    letters.Add(c);
                }
            }
        }
        if (letters.Count < 2)
        {
            return false;
        }
        var initials = new HashSet<char>();
        var longText = new List<char>();
        for (int i = longForm.First; i <= longForm.Last; i++)
        {
            var key = field.Key(i);
            if (key.Length > 0)
            {
                initials.Add(key[0]);
            }
            longText.AddRange(key);
        }
        if (!initials.Contains(letters[0]))
        {
            return false;
        }
        int position = 0;
        foreach (char letter in letters)
        {
            while (position < longText.Count && longText[position] != letter)
            {
                position++;
            }
            if (position == longText.Count)
            {
                return false;
            }
            position++;
        }
        return true;
    }

    private static void MarkUses(TokenizedField field, Definition definition, int from)
    {
        var tokens = field.Tokens;
        int length = definition.Words.Length;
        for (int i = from; i + length <= tokens.Length; i++)
        {
            if (field.AnyCovered(i, i + length - 1) || !WordsMatch(field, i, definition.Words))
            {
                continue;
            }
            field.Add(new SpanMatch(i, i + length - 1, definition.Organisation));
            i += length - 1;
        }
    }

    private static bool WordsMatch(TokenizedField field, int start, string[] words)
    {
        for (int k = 0; k < words.Length; k++)
        {
            var token = field.Tokens[start + k];
            if ((k > 0 && token.Gap != TokenGap.Space) || !field.Text.AsSpan(token.Start, token.Length).SequenceEqual(words[k]))
            {
                return false;
            }
        }
        return true;
    }
}
