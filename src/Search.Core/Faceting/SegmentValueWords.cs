using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Faceting;

/// <summary>
/// The values of one facet field in one segment, folded, with every word start sorted by the text from there
/// on: a word prefix is then a binary search, and only the values it finds are ever counted or decoded. A
/// segment's values never change (deletes do not remove them), so this is built once per segment and field.
/// </summary>
internal sealed class SegmentValueWords
{
    private readonly string[] foldedByOrdinal;

    /// <summary>(segment ordinal, offset of a word start in its folded value), ordered by the folded text from the offset.</summary>
    private readonly (int Ordinal, int Offset)[] wordStarts;

    private SegmentValueWords(string[] foldedByOrdinal, (int, int)[] wordStarts)
    {
        this.foldedByOrdinal = foldedByOrdinal;
        this.wordStarts = wordStarts;
    }

    public static SegmentValueWords Build(AtomicReader segment, string docValuesField)
    {
        SortedSetDocValues? values = segment.GetSortedSetDocValues(docValuesField);
        long count = values?.ValueCount ?? 0;
        var folded = new string[count];
        var starts = new List<(int, int)>();
        var scratch = new BytesRef();
        for (int ord = 0; ord < count; ord++)
        {
            values!.LookupOrd(ord, scratch);
            folded[ord] = FoldedWords.Fold(scratch.Utf8ToString());
            foreach (int start in FoldedWords.WordStarts(folded[ord]))
            {
                starts.Add((ord, start));
            }
        }
        var sorted = starts.ToArray();
        Array.Sort(sorted, (a, b) => folded[a.Item1].AsSpan(a.Item2).SequenceCompareTo(folded[b.Item1].AsSpan(b.Item2)));
        return new SegmentValueWords(folded, sorted);
    }

    /// <summary>The segment ordinals of values with a word starting with <paramref name="foldedPrefix"/> (each once).</summary>
    public IEnumerable<int> OrdinalsWithWordPrefix(string foldedPrefix)
    {
        int low = 0, high = wordStarts.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (From(mid).SequenceCompareTo(foldedPrefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        var seen = new HashSet<int>();
        for (int i = low; i < wordStarts.Length && From(i).StartsWith(foldedPrefix, StringComparison.Ordinal); i++)
        {
            if (seen.Add(wordStarts[i].Ordinal))
            {
                yield return wordStarts[i].Ordinal;
            }
        }
    }

    private ReadOnlySpan<char> From(int index) => foldedByOrdinal[wordStarts[index].Ordinal].AsSpan(wordStarts[index].Offset);
}
