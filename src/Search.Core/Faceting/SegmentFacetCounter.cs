using Lucene.Net.Index;

namespace Search.Core.Faceting;

/// <summary>
/// Counts one facet field's values within one segment. Counting happens in segment ordinals (cheap array
/// increments); <see cref="Flush"/> then maps each non-zero segment ordinal to its global ordinal once,
/// instead of mapping per document.
/// </summary>
internal sealed class SegmentFacetCounter
{
    // Segments whose docs all have at most one value are stored single-valued: one ordinal (or -1) per doc.
    private readonly int[]? single;
    private readonly int[] starts;
    private readonly int[] ordinals;
    private readonly int[] counts;
    private readonly int[] globalCounts;
    private readonly MultiDocValues.OrdinalMap? ordinalMap;
    private readonly int segmentIndex;

    private SegmentFacetCounter(
        SegmentOrdinals segment, int[] counts, int[] globalCounts, MultiDocValues.OrdinalMap? ordinalMap, int segmentIndex)
    {
        single = segment.Single;
        starts = segment.Starts;
        ordinals = segment.Ordinals;
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
        SegmentOrdinals segment = SegmentOrdinals.Get(leaf.AtomicReader, ordinals.DocValuesField, values);
        return new SegmentFacetCounter(segment, counts, globalCounts, ordinals.OrdinalMap, leaf.Ord);
    }

    public void Count(int doc)
    {
        if (single is not null)
        {
            int ord = single[doc];
            if (ord >= 0)
            {
                counts[ord]++;
            }

            return;
        }

        // A sorted set holds each distinct ordinal of a document once, so no per-doc dedupe is needed.
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++)
        {
            counts[ordinals[i]]++;
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
