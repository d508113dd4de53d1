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
    /// <summary>
    /// Splits <paramref name="text"/> into <paramref name="buffer"/>, an array rented from
    /// <see cref="ArrayPool{T}.Shared"/> that is swapped for a larger rented one when it fills; returns the number of
    /// words and counts the text's letters and capital letters (for shouted text). Each word's key is written into
    /// <paramref name="keys"/> (at least as long as the text) at the word's own offset. Hand the buffer back with
    /// <see cref="Release"/>. Extraction runs for every article, so neither tokens nor keys are allocated afresh each
    /// time, and each word is read once: its end, key and case are found in the same pass.
    /// </summary>
    public static int Tokenize(string text, Span<char> keys, ref WordToken[] buffer, out int letters, out int upperLetters)
    {
        // The buffer in a local, not read through the reference for every word.
        var tokens = buffer;
        int count = 0;
        int letterCount = 0, upperCount = 0;
        int previousEnd = -1;
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            int start = i;
            int keyLength, upper;
            bool hasLower;
            if (IsLetterOrDigit(c))
            {
                i = AsciiWordRun.Scan(text, i, keys, out int wordLetters, out upper);
                hasLower = wordLetters > upper;
                keyLength = i - start;
                if (i < n && MayContinueWord(text[i]))
                {
                    // Rare: dots, ampersands, apostrophes or letters beyond ASCII inside the word.
                    var rest = ScanRest(text, start, i, keys, wordLetters, upper, hasLower);
                    (i, keyLength, wordLetters, upper, hasLower) = (rest.End, rest.KeyLength, rest.Letters, rest.Upper, rest.HasLower);
                }
                letterCount += wordLetters;
                upperCount += upper;
            }
            else if (c == '&' && IsStandaloneAmpersand(text, i))
            {
                keys[i++] = '&';
                (keyLength, upper, hasLower) = (1, 0, false);
            }
            else
            {
                i++;
                continue;
            }
            if (count == tokens.Length)
            {
                var larger = ArrayPool<WordToken>.Shared.Rent(tokens.Length * 2);
                tokens.AsSpan(0, count).CopyTo(larger);
                Release(tokens);
                tokens = larger;
                buffer = larger;
            }
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
                gap = TokenGapClassifier.Classify(text, previousEnd, start);
                sentenceStart = TokenGapClassifier.EndsSentence(text, previousEnd, start);
            }
            char first = text[start];
            bool hasUpper = upper > 0;
            bool capitalised = first < 128
                ? char.IsAsciiLetterUpper(first) || (char.IsAsciiDigit(first) && hasUpper)
                : char.IsUpper(first) || (char.IsDigit(first) && hasUpper);
            int keyHash = KeyFilter.Hash(keys.Slice(start, keyLength));
            tokens[count++] = new WordToken(start, i, keyLength, keyHash, gap, sentenceStart, capitalised, hasUpper && !hasLower);
            previousEnd = i;
            // Skip a possessive "'s" so it does not become a word of its own.
            if (i + 1 < n && IsApostrophe(text[i]) && text[i + 1] is 's' or 'S' && (i + 2 >= n || !IsLetterOrDigit(text[i + 2])))
            {
                letterCount++;
                upperCount += text[i + 1] == 'S' ? 1 : 0;
                i += 2;
            }
        }
        letters = letterCount;
        upperLetters = upperCount;
        return count;
    }

    /// <summary>Returns a token buffer to the pool; tokens hold no references, so it needs no clearing.</summary>
    public static void Release(WordToken[] buffer) => ArrayPool<WordToken>.Shared.Return(buffer);

    /// <summary><see cref="char.IsLetterOrDigit(char)"/>, answered without a table for ASCII, which most text is.</summary>
    private static bool IsLetterOrDigit(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>What the slow pass over the rest of a word learns.</summary>
    private struct WordShape
    {
        public int End;
        public int KeyLength;
        public int Letters;
        public int Upper;
        public bool HasLower;
    }

    private static bool IsStandaloneAmpersand(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]));

    /// <summary>What may still be inside a word after a run of ASCII letters and digits.</summary>
    private static bool MayContinueWord(char c) => c >= 128 || c is '.' or '&' or '\'';

    /// <summary>
    /// The rest of a word after its leading ASCII run, character by character: dotted abbreviations, ampersands,
    /// apostrophes, letters beyond ASCII.
    /// </summary>
    private static WordShape ScanRest(string text, int start, int i, Span<char> keys, int letters, int upper, bool hasLower)
    {
        int n = text.Length;
        int k = i;
        bool dotted = false;
        while (i < n)
        {
            char c = text[i];
            if (c < 128)
            {
                if ((uint)(c - 'a') <= 'z' - 'a')
                {
                    hasLower = true;
                    letters++;
                    keys[k++] = c;
                    i++;
                    continue;
                }
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    upper++;
                    letters++;
                    keys[k++] = (char)(c | 0x20);
                    i++;
                    continue;
                }
                if ((uint)(c - '0') <= '9' - '0')
                {
                    keys[k++] = c;
                    i++;
                    continue;
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    upper += char.IsUpper(c) ? 1 : 0;
                    hasLower |= char.IsLower(c);
                }
                keys[k++] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
                i++;
                continue;
            }
            bool nextIsLetter = i + 1 < n && IsLetterOrDigit(text[i + 1]);
            if ((c == '.' || c == '&') && nextIsLetter)
            {
                if (c == '.')
                {
                    dotted = true;
                }
                else
                {
                    keys[k++] = c;
                }
                i++;
                continue;
            }
            if (IsApostrophe(c) && nextIsLetter && ApostropheJoins(text, i))
            {
                keys[k++] = '\'';
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
        return new WordShape { End = i, KeyLength = k - start, Letters = letters, Upper = upper, HasLower = hasLower };
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
        while (k < text.Length && IsLetterOrDigit(text[k]))
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
}
