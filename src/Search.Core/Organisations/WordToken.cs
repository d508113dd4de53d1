namespace Search.Core.Organisations;

/// <summary>How a word token is separated from the word before it.</summary>
internal enum TokenGap : byte
{
    /// <summary>First token of the text.</summary>
    Start,
    /// <summary>Only white space: words of one name can continue across it.</summary>
    Space,
    /// <summary>A single hyphen or slash with no spaces ("al-Qaeda", "CERT/CC"): still one name.</summary>
    Joiner,
    /// <summary>A possessive "'s" left out of the previous word ("Moody's Investors"): only names spelled so continue.</summary>
    Possessive,
    /// <summary>Any other punctuation (comma, bracket, quote, dash): a name never spans it.</summary>
    Punctuation,
}

/// <summary>
/// A word of a field with its UTF-16 offsets (end exclusive) and the length of its case-folded lookup key
/// (lower case, dots removed, apostrophes unified) so every spelling of an alias meets in the trie. The key is
/// never longer than the word, so the field keeps all keys in one buffer as long as its text, each at the offset
/// of its word (<see cref="TokenizedField.Key"/>): no string is made per word. <paramref name="KeyHash"/> is the
/// key's <see cref="KeyFilter.Hash"/>, so most words are ruled out of a lookup by one bit test (see <see cref="KeyFilter"/>).
/// </summary>
internal readonly record struct WordToken(int Start, int End, int KeyLength, int KeyHash, TokenGap Gap, bool SentenceStart, bool Capitalised, bool AllCaps)
{
    public int Length => End - Start;
}
