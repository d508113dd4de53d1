namespace Search.Core.Organisations;

/// <summary>
/// Splits text into words once, keeping offsets into the original string. Hyphens split words (so
/// "al-Qaeda" and "al Qaeda" give the same keys) but are remembered as joiners; a possessive "'s"/"’s"
/// is left out of the word ("Europol’s" gives "Europol"); dotted abbreviations ("U.S.", "Amazon.com")
/// and ampersand names ("AT&amp;T") stay one word.
/// </summary>
internal static class WordTokenizer
{
    public static WordToken[] Tokenize(string text)
    {
        var tokens = new List<WordToken>(text.Length / 5 + 4);
        int previousEnd = -1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c) && !(c == '&' && IsStandaloneAmpersand(text, i)))
            {
                i++;
                continue;
            }
            int start = i;
            int end = c == '&' ? i + 1 : ScanWord(text, i);
            tokens.Add(MakeToken(text, start, end, previousEnd));
            previousEnd = end;
            i = end;
            // Skip a possessive "'s" so it does not become a word of its own.
            if (i + 1 < text.Length && IsApostrophe(text[i]) && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                i += 2;
            }
        }
        return tokens.ToArray();
    }

    private static bool IsStandaloneAmpersand(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]));

    private static int ScanWord(string text, int i)
    {
        int n = text.Length;
        bool dotted = false;
        while (i < n)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }
            bool nextIsLetter = i + 1 < n && char.IsLetterOrDigit(text[i + 1]);
            if ((c == '.' || c == '&') && nextIsLetter)
            {
                dotted |= c == '.';
                i++;
                continue;
            }
            if (IsApostrophe(c) && nextIsLetter && ApostropheJoins(text, i))
            {
                i++;
                continue;
            }
            break;
        }
        // "U.S." keeps its final dot: it is part of the abbreviation, not the end of a sentence.
        if (dotted && i < n && text[i] == '.' && i >= 2 && text[i - 2] == '.')
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// An apostrophe inside a word joins contractions and names ("isn’t", "O'Brien", "Da'esh") but not a
    /// possessive "'s" or a missing space before a long lower-case word ("State’propaganda").
    /// </summary>
    private static bool ApostropheJoins(string text, int apostrophe)
    {
        int j = apostrophe + 1;
        if (char.IsUpper(text[j]))
        {
            return true;
        }
        int k = j;
        while (k < text.Length && char.IsLetterOrDigit(text[k]))
        {
            k++;
        }
        int suffixLength = k - j;
        if (suffixLength == 1 && (text[j] == 's' || text[j] == 'S'))
        {
            return false;
        }
        return suffixLength <= 3;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ';

    private static WordToken MakeToken(string text, int start, int end, int previousEnd)
    {
        var key = MakeKey(text.AsSpan(start, end - start));
        TokenGap gap = previousEnd < 0 ? TokenGap.Start : ClassifyGap(text, previousEnd, start);
        bool sentenceStart = previousEnd < 0 || GapEndsSentence(text, previousEnd, start);
        bool capitalised = char.IsUpper(text[start]) || (char.IsDigit(text[start]) && HasUpper(text, start, end));
        bool allCaps = HasUpper(text, start, end) && !HasLower(text, start, end);
        return new WordToken(start, end, key, gap, sentenceStart, capitalised, allCaps);
    }

    public static string MakeKey(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int length = 0;
        foreach (char c in word)
        {
            if (c == '.')
            {
                continue;
            }
            buffer[length++] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }

    private static TokenGap ClassifyGap(string text, int from, int to)
    {
        bool onlySpace = true;
        int joiners = 0;
        for (int k = from; k < to; k++)
        {
            char c = text[k];
            if (c is '-' or '/' or '‐' or '‑')
            {
                joiners++;
                onlySpace = false;
            }
            else if (IsApostrophe(c) && k == from && k + 1 < to && (text[k + 1] is 's' or 'S'))
            {
                return text.AsSpan(k + 2, to - k - 2).IsWhiteSpace() && to - k > 2 ? TokenGap.Possessive : TokenGap.Punctuation;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return TokenGap.Punctuation;
            }
        }
        if (onlySpace)
        {
            return TokenGap.Space;
        }
        return joiners == 1 && to - from == 1 ? TokenGap.Joiner : TokenGap.Punctuation;
    }

    private static bool GapEndsSentence(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (text[k] is '.' or '!' or '?' or '\n' or ':' or '\r' or '•')
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasUpper(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (char.IsUpper(text[k]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasLower(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (char.IsLower(text[k]))
            {
                return true;
            }
        }
        return false;
    }
}
