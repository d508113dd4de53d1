using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Faceting;

/// <summary>
/// One segment's ordinals of one facet field, every document's in flat arrays: a document's ordinals are
/// <c>Ordinals[Starts[doc] .. Starts[doc + 1]]</c>, or <c>Single[doc]</c> (-1 for none) when no document has
/// more than one value.
/// </summary>
/// <remarks>
/// Lucene keeps doc-value ordinals bit-packed on disk, and reading one document's set means a virtual call per
/// ordinal and a block decode; counting the facets of a third of a million matches spent most of its time
/// there. Plain arrays, four bytes per value, cost about 25 MB per million articles for the organisation facet.
/// They are built once per segment (segments never change; deletes are left to the query's live-docs check) when
/// a searcher that contains the segment is made, and dropped with the segment.
/// </remarks>
internal sealed class SegmentOrdinals
{
    // Keyed on the segment core: shared by every reopened view of the segment, gone once the core is closed.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals>> ByCore = new();

    private SegmentOrdinals(int[]? single, int[] starts, int[] ordinals)
    {
        Single = single;
        Starts = starts;
        Ordinals = ordinals;
    }

    public int[]? Single { get; }

    public int[] Starts { get; }

    public int[] Ordinals { get; }

    /// <summary>The segment's ordinals of <paramref name="docValuesField"/>, loaded on first use.</summary>
    public static SegmentOrdinals Get(AtomicReader reader, string docValuesField, SortedSetDocValues values)
    {
        var byField = FieldsOf(reader);
        // Two searches racing on a new segment may both load it; the loads are equal and one is kept.
        return byField.TryGetValue(docValuesField, out SegmentOrdinals? loaded)
            ? loaded
            : byField.GetOrAdd(docValuesField, Load(values, reader.MaxDoc));
    }

    private static ConcurrentDictionary<string, SegmentOrdinals> FieldsOf(AtomicReader reader) =>
        ByCore.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals>(StringComparer.Ordinal));

    /// <summary>
    /// Loads every facet field of every segment of <paramref name="reader"/> not loaded yet, so that the first
    /// search on a new segment (a large one after a merge) does not pay for it. Segments already loaded cost a
    /// lookup each.
    /// </summary>
    public static void Warm(IndexReader reader)
    {
        foreach (AtomicReaderContext leaf in reader.Leaves)
        {
            var loaded = FieldsOf(leaf.AtomicReader);
            foreach (string facetField in Schema.ArticleFields.FacetFields)
            {
                string docValuesField = Schema.ArticleFields.DocValuesName(facetField);
                // Every refresh warms again: segments it already loaded are skipped without opening their doc values.
                if (!loaded.ContainsKey(docValuesField)
                    && leaf.AtomicReader.GetSortedSetDocValues(docValuesField) is { ValueCount: > 0 } values)
                {
                    Get(leaf.AtomicReader, docValuesField, values);
                }
            }
        }
    }

    private static SegmentOrdinals Load(SortedSetDocValues values, int maxDoc)
    {
        if (DocValues.UnwrapSingleton(values) is { } singleValued)
        {
            var single = new int[maxDoc];
            for (int doc = 0; doc < maxDoc; doc++)
            {
                single[doc] = singleValued.GetOrd(doc);
            }
            return new SegmentOrdinals(single, [], []);
        }
        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc * 2);
        for (int doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ord);
            }
        }
        starts[maxDoc] = ordinals.Count;
        return new SegmentOrdinals(null, starts, [.. ordinals]);
    }
}
