using System.Buffers;

namespace Search.Core.Organisations;

/// <summary>
/// Splits text into words once, keeping offsets into the original string. Hyphens split words (so
/// "al-Qaeda" and "al Qaeda" give the same keys) but are remembered as joiners; a possessive "'s"/"’s"
/// is left out of the word ("Europol’s" gives "Europol"); dotted abbreviations ("U.S.", "Amazon.com")
/// and ampersand names ("AT&amp;T") stay one word.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Splits <paramref name="text"/> into a new array of its words.</summary>
    public static WordToken[] Tokenize(string text)
    {
        var buffer = ArrayPool<WordToken>.Shared.Rent(16);
        int count = Tokenize(text, ref buffer, out _, out _);
        var tokens = buffer.AsSpan(0, count).ToArray();
        Release(buffer, count);
        return tokens;
    }

    /// <summary>
    /// Splits <paramref name="text"/> into <paramref name="buffer"/>, an array rented from
    /// <see cref="ArrayPool{T}.Shared"/> that is swapped for a larger rented one when it fills; returns the number of
    /// words and counts the text's letters and capital letters (for shouted text). Hand the buffer back with
    /// <see cref="Release"/>. Extraction runs for every article, so its tokens are not allocated afresh each time.
    /// </summary>
    public static int Tokenize(string text, ref WordToken[] buffer, out int letters, out int upperLetters)
    {
        int count = 0;
        var counts = new LetterCounts();
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
            if (count == buffer.Length)
            {
                var larger = ArrayPool<WordToken>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, count).CopyTo(larger);
                Release(buffer, count);
                buffer = larger;
            }
            buffer[count++] = MakeToken(text, start, end, previousEnd, ref counts);
            previousEnd = end;
            i = end;
            // Skip a possessive "'s" so it does not become a word of its own.
            if (i + 1 < text.Length && IsApostrophe(text[i]) && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                counts.Letters++;
                counts.Upper += text[i + 1] == 'S' ? 1 : 0;
                i += 2;
            }
        }
        letters = counts.Letters;
        upperLetters = counts.Upper;
        return count;
    }

    /// <summary>Returns a token buffer to the pool, dropping its key strings so the pool does not keep words alive.</summary>
    public static void Release(WordToken[] buffer, int count)
    {
        Array.Clear(buffer, 0, count);
        ArrayPool<WordToken>.Shared.Return(buffer);
    }

    /// <summary>Letters seen so far; every letter of a text is inside a word or a skipped possessive "'s".</summary>
    private struct LetterCounts
    {
        public int Letters;
        public int Upper;
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

    /// <summary>One pass over the word builds its key and finds its case; most words are ASCII.</summary>
    private static WordToken MakeToken(string text, int start, int end, int previousEnd, ref LetterCounts counts)
    {
        var word = text.AsSpan(start, end - start);
        Span<char> key = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];
        int length = 0, letters = 0, upper = 0;
        bool hasLower = false;
        foreach (char c in word)
        {
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                hasLower = true;
                letters++;
                key[length++] = c;
            }
            else if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                upper++;
                letters++;
                key[length++] = (char)(c | 0x20);
            }
            else if (c == '.')
            {
                continue;
            }
            else if (c < 128)
            {
                key[length++] = c;
            }
            else
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    upper += char.IsUpper(c) ? 1 : 0;
                    hasLower |= char.IsLower(c);
                }
                key[length++] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
            }
        }
        counts.Letters += letters;
        counts.Upper += upper;
        TokenGap gap;
        bool sentenceStart;
        if (previousEnd < 0)
        {
            gap = TokenGap.Start;
            sentenceStart = true;
        }
        else if (start == previousEnd + 1 && text[previousEnd] == ' ')
        {
            // The common case, one plain space, needs no classifying.
            gap = TokenGap.Space;
            sentenceStart = false;
        }
        else
        {
            gap = ClassifyGap(text, previousEnd, start);
            sentenceStart = GapEndsSentence(text, previousEnd, start);
        }
        char first = text[start];
        bool hasUpper = upper > 0;
        bool capitalised = char.IsUpper(first) || (char.IsDigit(first) && hasUpper);
        return new WordToken(start, end, new string(key[..length]), gap, sentenceStart, capitalised, hasUpper && !hasLower);
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
}
