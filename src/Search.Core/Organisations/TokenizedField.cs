using System.Buffers;

namespace Search.Core.Organisations;

/// <summary>
/// A field of one article ("title" or "body"), tokenised once and shared by every matching step. Its tokens and their
/// keys live in pooled buffers: dispose the field when the extraction is done.
/// </summary>
internal sealed class TokenizedField : IDisposable
{
    /// <summary>About one word per six characters of news text; the buffer grows if the guess is short.</summary>
    private const int CharactersPerWordGuess = 6;

    private WordToken[] tokens;
    private char[] keys;
    private bool[] covered;
    private readonly int count;

    public TokenizedField(string name, string text)
    {
        Name = name;
        Text = text;
        tokens = ArrayPool<WordToken>.Shared.Rent(text.Length / CharactersPerWordGuess + 16);
        keys = ArrayPool<char>.Shared.Rent(text.Length);
        count = WordTokenizer.Tokenize(text, keys, ref tokens, out int letters, out int upperLetters);
        covered = ArrayPool<bool>.Shared.Rent(count);
        Array.Clear(covered, 0, count);
        IsShouting = LooksShouted(letters, upperLetters);
    }

    public string Name { get; }

    public string Text { get; }

    public ReadOnlySpan<WordToken> Tokens => tokens.AsSpan(0, count);

    /// <summary>The case-folded lookup key of token <paramref name="index"/>, stored at the token's own offset.</summary>
    public ReadOnlySpan<char> Key(int index)
    {
        var token = tokens[index];
        return keys.AsSpan(token.Start, token.KeyLength);
    }

    /// <summary>Whether token <paramref name="index"/> has the key <paramref name="word"/>.</summary>
    public bool KeyIs(int index, string word) => Key(index).SequenceEqual(word);

    /// <summary>Tokens already inside a match; later steps never overlap them. Pooled: longer than the token count.</summary>
    public bool[] Covered => covered;

    public List<SpanMatch> Matches { get; } = [];

    /// <summary>Cue positions per rule, filled on first use; a field belongs to one extraction, so no locking.</summary>
    private Dictionary<AliasRule, (int, int)>? cueRanges;

    /// <summary>All-capitals text (wire headlines): capitalisation tells nothing about names here.</summary>
    public bool IsShouting { get; }

    public void Add(SpanMatch match)
    {
        Matches.Add(match);
        for (int i = match.First; i <= match.Last; i++)
        {
            Covered[i] = true;
        }
    }

    /// <summary>Removes the match that ends at <paramref name="last"/> (when a longer name absorbs it).</summary>
    public SpanMatch? RemoveMatchEndingAt(int last)
    {
        int index = Matches.FindIndex(m => m.Last == last);
        if (index < 0)
        {
            return null;
        }
        var match = Matches[index];
        Matches.RemoveAt(index);
        for (int i = match.First; i <= match.Last; i++)
        {
            Covered[i] = false;
        }
        return match;
    }

    /// <summary>
    /// The first and last token that is a cue of <paramref name="rule"/> ((-1, -1) when none), worked out once
    /// per field: an ambiguous alias may occur many times in one article.
    /// </summary>
    public (int First, int Last) CueRange(AliasRule rule, Func<AliasRule, ReadOnlySpan<char>, bool> isCue)
    {
        cueRanges ??= new Dictionary<AliasRule, (int, int)>(ReferenceEqualityComparer.Instance);
        if (!cueRanges.TryGetValue(rule, out var range))
        {
            range = (-1, -1);
            for (int i = 0; i < Tokens.Length; i++)
            {
                if (isCue(rule, Key(i)))
                {
                    range = (range.Item1 < 0 ? i : range.Item1, i);
                }
            }
            cueRanges.Add(rule, range);
        }
        return range;
    }

    public bool AnyCovered(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (Covered[i])
            {
                return true;
            }
        }
        return false;
    }

    public ReadOnlySpan<char> TextOf(int first, int last) =>
        Text.AsSpan(Tokens[first].Start, Tokens[last].End - Tokens[first].Start);

    /// <summary>The characters between a token and the one before it (or the text start).</summary>
    public ReadOnlySpan<char> GapBefore(int index) =>
        index == 0 ? Text.AsSpan(0, Tokens[0].Start) : Text.AsSpan(Tokens[index - 1].End, Tokens[index].Start - Tokens[index - 1].End);

    /// <summary>The characters between a token and the one after it (or the text end).</summary>
    public ReadOnlySpan<char> GapAfter(int index) =>
        index + 1 < Tokens.Length ? GapBefore(index + 1) : Text.AsSpan(Tokens[index].End);

    public void Dispose()
    {
        if (tokens.Length > 0)
        {
            WordTokenizer.Release(tokens);
            tokens = [];
        }
        if (keys.Length > 0)
        {
            ArrayPool<char>.Shared.Return(keys);
            keys = [];
        }
        if (covered.Length > 0)
        {
            ArrayPool<bool>.Shared.Return(covered);
            covered = [];
        }
    }

    /// <summary>Counted while tokenising, so the text is not scanned a second time.</summary>
    private static bool LooksShouted(int letters, int upper) => letters >= 8 && upper * 10 > letters * 7;
}
