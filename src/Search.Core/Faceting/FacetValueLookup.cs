using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Faceting;

/// <summary>
/// Turns global ordinals of one field back into values. Not thread-safe: doc values instances are
/// per thread in Lucene, so create one lookup per call on the thread that uses it.
/// </summary>
internal sealed class FacetValueLookup
{
    private readonly IList<AtomicReaderContext> leaves;
    private readonly FacetFieldOrdinals ordinals;
    private readonly SortedSetDocValues?[] leafValues;
    private readonly BytesRef scratch = new();

    public FacetValueLookup(IndexReader topReader, FacetFieldOrdinals ordinals)
    {
        leaves = topReader.Leaves;
        this.ordinals = ordinals;
        leafValues = new SortedSetDocValues?[leaves.Count];
    }

    public string Lookup(int globalOrd)
    {
        int segment = 0;
        long segmentOrd = globalOrd;
        if (ordinals.OrdinalMap is { } map)
        {
            segment = map.GetFirstSegmentNumber(globalOrd);
            segmentOrd = map.GetFirstSegmentOrd(globalOrd);
        }

        SortedSetDocValues values = leafValues[segment] ??=
            leaves[segment].AtomicReader.GetSortedSetDocValues(ordinals.DocValuesField)
            ?? throw new InvalidOperationException($"Segment {segment} lost doc values '{ordinals.DocValuesField}'.");
        values.LookupOrd(segmentOrd, scratch);
        return scratch.Utf8ToString();
    }
}
