using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Faceting;

/// <summary>
/// Counts facet values of the collected documents. One instance per search (not thread-safe); wrap it in a
/// <see cref="MultiCollector"/> with a hits collector so the query runs once for both. Call
/// <see cref="GetFacetCounts"/> after the search.
/// </summary>
public sealed class FacetCountsCollector : ICollector
{
    private readonly IndexReader topReader;
    private readonly FacetFieldOrdinals[] fields;
    private readonly int[][] globalCounts;
    private SegmentFacetCounter[] segmentCounters = [];
    private int totalHits;

    /// <param name="topReader">The searcher's reader (<c>IndexSearcher.IndexReader</c>).</param>
    /// <param name="facetFields">Facet fields to count, from <c>ArticleFields.FacetFields</c>.</param>
    /// <param name="cache">Where the per-reader ordinal maps live.</param>
    public FacetCountsCollector(IndexReader topReader, IEnumerable<string> facetFields, FacetOrdinalsCache cache)
    {
        ArgumentNullException.ThrowIfNull(topReader);
        ArgumentNullException.ThrowIfNull(facetFields);
        ArgumentNullException.ThrowIfNull(cache);
        this.topReader = topReader;
        var distinct = new List<string>();
        foreach (string field in facetFields)
        {
            FacetCounts.ValidateField(field);
            if (!distinct.Contains(field))
            {
                distinct.Add(field);
            }
        }

        fields = distinct.Select(field => cache.Get(topReader, field)).ToArray();
        globalCounts = fields.Select(field => new int[field.ValueCount]).ToArray();
    }

    /// <summary>
    /// Counting does not care about order, but asking for it is faster: out of order, Lucene.NET scores a plain
    /// disjunction with BooleanScorer, which allocates a table of 2,048 bucket objects per segment and query and
    /// cost a fifth of a search's time in profiles; in order it uses the allocation-free disjunction scorer.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        // Scores are not needed for counting.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        // Segment numbers of the ordinal maps are leaf positions in this reader; another reader's leaves
        // would map to the wrong global ordinals.
        if (!ReferenceEquals(ReaderUtil.GetTopLevelContext(context).Reader, topReader))
        {
            throw new InvalidOperationException("The collector was created for a different reader than the one searched.");
        }

        var counters = new List<SegmentFacetCounter>(fields.Length);
        for (int i = 0; i < fields.Length; i++)
        {
            if (SegmentFacetCounter.Create(context, fields[i], globalCounts[i]) is { } counter)
            {
                counters.Add(counter);
            }
        }

        segmentCounters = counters.ToArray();
    }

    public void Collect(int doc)
    {
        totalHits++;
        foreach (SegmentFacetCounter counter in segmentCounters)
        {
            counter.Count(doc);
        }
    }

    /// <summary>The counts so far; call once the search has finished.</summary>
    public FacetCounts GetFacetCounts()
    {
        // The last segment has no "segment ended" callback; its counts are mapped here.
        FlushSegment();
        var byField = new Dictionary<string, (FacetFieldOrdinals, int[])>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Length; i++)
        {
            byField[fields[i].FacetField] = (fields[i], globalCounts[i]);
        }

        return new FacetCounts(topReader, totalHits, byField);
    }

    /// <summary>
    /// The counts of several collectors over disjoint segments of the same reader (the slices of a parallel
    /// search) added up; call once their searches have finished. The first collector's arrays hold the sum.
    /// </summary>
    public static FacetCounts Sum(IReadOnlyList<FacetCountsCollector> collectors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(collectors.Count);
        FacetCountsCollector first = collectors[0];
        for (int c = 1; c < collectors.Count; c++)
        {
            FacetCountsCollector other = collectors[c];
            other.FlushSegment();
            first.totalHits += other.totalHits;
            for (int f = 0; f < first.globalCounts.Length; f++)
            {
                int[] into = first.globalCounts[f];
                int[] from = other.globalCounts[f];
                for (int ordinal = 0; ordinal < into.Length; ordinal++)
                {
                    into[ordinal] += from[ordinal];
                }
            }
        }
        return first.GetFacetCounts();
    }

    private void FlushSegment()
    {
        foreach (SegmentFacetCounter counter in segmentCounters)
        {
            counter.Flush();
        }

        segmentCounters = [];
    }
}
