namespace Search.Core.Organisations;

/// <summary>
/// What separates two words when it is more than one plain space (the tokenizer's fast path): whether a name can
/// continue across it (<see cref="TokenGap"/>) and whether it ends a sentence.
/// </summary>
internal static class TokenGapClassifier
{
    public static TokenGap Classify(string text, int from, int to)
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
            else if (WordTokenizer.IsApostrophe(c) && k == from && k + 1 < to && (text[k + 1] is 's' or 'S'))
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

    public static bool EndsSentence(string text, int from, int to)
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
