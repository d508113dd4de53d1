using Lucene.Net.Index;

namespace Search.Core.Faceting;

/// <summary>
/// Counts one facet field's values within one segment. Counting happens in segment ordinals (cheap array
/// increments); <see cref="Flush"/> then maps each non-zero segment ordinal to its global ordinal once,
/// instead of mapping per document.
/// </summary>
internal sealed class SegmentFacetCounter
{
    private readonly SortedSetDocValues values;
    // Segments whose docs all have at most one value are stored single-valued; reading the ord directly
    // avoids the SetDocument/NextOrd iteration.
    private readonly SortedDocValues? singleValued;
    private readonly int[] counts;
    private readonly int[] globalCounts;
    private readonly MultiDocValues.OrdinalMap? ordinalMap;
    private readonly int segmentIndex;

    private SegmentFacetCounter(
        SortedSetDocValues values, int[] counts, int[] globalCounts, MultiDocValues.OrdinalMap? ordinalMap, int segmentIndex)
    {
        this.values = values;
        singleValued = DocValues.UnwrapSingleton(values);
        this.counts = counts;
        this.globalCounts = globalCounts;
        this.ordinalMap = ordinalMap;
        this.segmentIndex = segmentIndex;
    }

    /// <summary>Null when the segment has no values for the field: nothing to count there.</summary>
    public static SegmentFacetCounter? Create(AtomicReaderContext leaf, FacetFieldOrdinals ordinals, int[] globalCounts)
    {
        SortedSetDocValues? values = leaf.AtomicReader.GetSortedSetDocValues(ordinals.DocValuesField);
        if (values is null || values.ValueCount == 0)
        {
            return null;
        }

        // Without an ordinal map segment ordinals are global ordinals: count straight into the result.
        int[] counts = ordinals.OrdinalMap is null ? globalCounts : new int[values.ValueCount];
        return new SegmentFacetCounter(values, counts, globalCounts, ordinals.OrdinalMap, leaf.Ord);
    }

    public void Count(int doc)
    {
        if (singleValued is not null)
        {
            int ord = singleValued.GetOrd(doc);
            if (ord >= 0)
            {
                counts[ord]++;
            }

            return;
        }

        // A sorted set yields each distinct ordinal of a document once, so no per-doc dedupe is needed.
        values.SetDocument(doc);
        long setOrd;
        while ((setOrd = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            counts[setOrd]++;
        }
    }

    /// <summary>Adds the segment's counts to the global counts. Call once, after the segment's last doc.</summary>
    public void Flush()
    {
        if (ordinalMap is null)
        {
            return;
        }

        for (int ord = 0; ord < counts.Length; ord++)
        {
            int count = counts[ord];
            if (count != 0)
            {
                globalCounts[ordinalMap.GetGlobalOrd(segmentIndex, ord)] += count;
            }
        }
    }
}
