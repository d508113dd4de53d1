using Lucene.Net.Index;
using Search.Core.Schema;

namespace Search.Core.Faceting;

/// <summary>
/// The global ordinal space of one facet field over one top-level reader: how many distinct values the
/// whole index has and how segment ordinals map into it. Built once per reader and field (building the
/// <see cref="MultiDocValues.OrdinalMap"/> walks every segment's terms) and shared by all searches on it.
/// </summary>
internal sealed class FacetFieldOrdinals
{
    private readonly Lazy<int[]> matchAllCounts;

    private FacetFieldOrdinals(
        IndexReader topReader, string facetField, MultiDocValues.OrdinalMap? ordinalMap, int valueCount)
    {
        FacetField = facetField;
        DocValuesField = ArticleFields.DocValuesName(facetField);
        OrdinalMap = ordinalMap;
        ValueCount = valueCount;
        // A reader is a point-in-time view (deletes included), so counts over all its live docs never change.
        matchAllCounts = new Lazy<int[]>(() => CountAllLiveDocs(topReader), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string FacetField { get; }

    public string DocValuesField { get; }

    /// <summary>Null when the reader has at most one segment: segment ordinals are then global ordinals.</summary>
    public MultiDocValues.OrdinalMap? OrdinalMap { get; }

    /// <summary>Number of distinct values in the reader, including values only deleted docs carry.</summary>
    public int ValueCount { get; }

    /// <summary>Counts per global ordinal over every live document. Shared: callers must not modify it.</summary>
    public int[] MatchAllCounts => matchAllCounts.Value;

    public static FacetFieldOrdinals Build(IndexReader topReader, string facetField)
    {
        string docValuesField = ArticleFields.DocValuesName(facetField);
        IList<AtomicReaderContext> leaves = topReader.Leaves;
        if (leaves.Count <= 1)
        {
            long count = leaves.Count == 0 ? 0 : leaves[0].AtomicReader.GetSortedSetDocValues(docValuesField)?.ValueCount ?? 0;
            return new FacetFieldOrdinals(topReader, facetField, null, CheckedCount(count, facetField));
        }

        var subs = new TermsEnum[leaves.Count];
        for (int i = 0; i < leaves.Count; i++)
        {
            SortedSetDocValues values = leaves[i].AtomicReader.GetSortedSetDocValues(docValuesField) ?? DocValues.EMPTY_SORTED_SET;
            subs[i] = values.GetTermsEnum();
        }

        var map = new MultiDocValues.OrdinalMap(topReader.CoreCacheKey, subs);
        return new FacetFieldOrdinals(topReader, facetField, map, CheckedCount(map.ValueCount, facetField));
    }

    private static int CheckedCount(long valueCount, string facetField) =>
        valueCount <= Array.MaxLength
            ? (int)valueCount
            : throw new InvalidOperationException($"Facet field '{facetField}' has too many distinct values to count.");

    /// <summary>
    /// The match-all fast path: walks each segment's doc values directly, with no query, scorer or collector.
    /// </summary>
    private int[] CountAllLiveDocs(IndexReader topReader)
    {
        var counts = new int[ValueCount];
        foreach (AtomicReaderContext leaf in topReader.Leaves)
        {
            SegmentFacetCounter? counter = SegmentFacetCounter.Create(leaf, this, counts);
            if (counter is null)
            {
                continue;
            }

            Lucene.Net.Util.IBits? liveDocs = leaf.AtomicReader.LiveDocs;
            int maxDoc = leaf.AtomicReader.MaxDoc;
            for (int doc = 0; doc < maxDoc; doc++)
            {
                if (liveDocs is null || liveDocs.Get(doc))
                {
                    counter.Count(doc);
                }
            }

            counter.Flush();
        }

        return counts;
    }
}
