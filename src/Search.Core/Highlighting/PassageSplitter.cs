namespace Search.Core.Highlighting;

/// <summary>
/// Cuts a text into consecutive passages of about the fragment size: at a sentence end (., !, ?, newline) when one
/// falls in a sensible range, else at a word boundary, else hard; never inside a match or a surrogate pair.
/// Passages are trimmed of surrounding whitespace.
/// </summary>
internal static class PassageSplitter
{
    public static void Split(string text, int fragmentSize, List<TextSpan> matches, int maxPassages, List<TextSpan> passages)
    {
        int length = text.Length;
        int position = 0;
        while (passages.Count < maxPassages)
        {
            while (position < length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position >= length)
            {
                return;
            }

            int end = position + fragmentSize >= length ? length : FindCut(text, position, fragmentSize);
            end = MoveOutOfMatch(end, matches);
            int trimmedEnd = end;
            while (trimmedEnd > position && char.IsWhiteSpace(text[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            passages.Add(new TextSpan(position, trimmedEnd));
            position = end;
        }
    }

    private static int FindCut(string text, int start, int fragmentSize)
    {
        int limit = start + fragmentSize;

        // Prefer ending on a sentence, but not so early that the passage is a stub.
        for (int i = limit; i >= start + fragmentSize / 3; i--)
        {
            if (IsSentenceEnd(text, i))
            {
                return i;
            }
        }

        // A sentence running a little past the size is better whole than cut.
        int slackLimit = Math.Min(text.Length, limit + fragmentSize / 4);
        for (int i = limit + 1; i <= slackLimit; i++)
        {
            if (IsSentenceEnd(text, i))
            {
                return i;
            }
        }

        for (int i = limit; i > start + fragmentSize / 2; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        // One long token (a URL, text without spaces): cut hard, but keep surrogate pairs whole.
        return char.IsLowSurrogate(text[limit]) && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    /// <summary>Whether a passage may end just before <paramref name="index"/>.</summary>
    private static bool IsSentenceEnd(string text, int index)
    {
        if (index >= text.Length)
        {
            return true;
        }

        char previous = text[index - 1];
        if (previous is '\n' or '\r' or '\u2029' or '。' or '！' or '？')
        {
            return true;
        }

        // Closing quotes or brackets may follow the terminator: 'He said "no." Then' ends after the quote.
        int terminator = index - 1;
        while (terminator > 0 && text[terminator] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
        {
            terminator--;
        }

        return text[terminator] is '.' or '!' or '?' && char.IsWhiteSpace(text[index]);
    }

    private static int MoveOutOfMatch(int cut, List<TextSpan> matches)
    {
        int low = 0;
        int high = matches.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (matches[middle].End <= cut)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        // matches[low] is the first match ending after the cut; the cut is inside it when it starts before.
        return low < matches.Count && matches[low].Start < cut ? matches[low].End : cut;
    }
}
