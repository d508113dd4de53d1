using System.Runtime.ExceptionServices;
using Lucene.Net.Search;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Runs one query over every slice of the searcher's documents (<see cref="SegmentSlicer"/>), each slice with
/// its own collectors, in parallel; the caller merges the per-slice results. One slice runs on the calling
/// thread, so a busy thread pool slows a search down but never stalls it.
/// </summary>
internal static class SlicedSearch
{
    /// <summary>
    /// Searches with one <typeparamref name="TState"/> per slice (made by <paramref name="create"/>), collecting
    /// into the collector <paramref name="collectorOf"/> returns for it; returns the states in slice order.
    /// </summary>
    public static TState[] Run<TState>(IndexSearcher searcher, Query query, Filter? filter, Func<TState> create,
        Func<TState, ICollector> collectorOf, CancellationToken cancellation)
    {
        if (searcher is not CancellableIndexSearcher sliced || sliced.Slices.Length < 2)
        {
            TState only = create();
            searcher.Search(query, filter, new CancellableCollector(collectorOf(only), cancellation));
            return [only];
        }
        var slices = sliced.Slices;
        // Built once, on this thread (where cancellation of weight building is watched), and shared: Lucene's
        // weights are made to score segments from several threads.
        Weight weight = sliced.CreateWeight(query, filter);
        var states = new TState[slices.Length];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = create();
        }
        try
        {
            Parallel.For(0, slices.Length, new ParallelOptions { MaxDegreeOfParallelism = slices.Length },
                i => Collect(slices[i], weight, new CancellableCollector(collectorOf(states[i]), cancellation)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The failure as a sequential search would have thrown it (cancellation, too many clauses, ...).
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
        return states;
    }

    /// <summary>
    /// What <c>IndexSearcher</c> does per segment with an in-order scorer (every collector here asks for
    /// documents in order), over part of a segment: the scorer advances to the range's first document and stops
    /// before its end. Scores do not depend on the range: the weight holds the whole index's statistics.
    /// </summary>
    private static void Collect(DocRange[] slice, Weight weight, CancellableCollector collector)
    {
        foreach (DocRange range in slice)
        {
            collector.SetNextReader(range.Leaf);
            Scorer? scorer = weight.GetScorer(range.Leaf, range.Leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }
            collector.SetScorer(scorer);
            try
            {
                int doc = range.From == 0 ? scorer.NextDoc() : scorer.Advance(range.From);
                while (doc < range.To)
                {
                    collector.Collect(doc);
                    doc = scorer.NextDoc();
                }
            }
            catch (CollectionTerminatedException)
            {
                // As in IndexSearcher: the collector has seen enough of this segment.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> - 1 on every core, the calling thread
    /// included, each worker with its own <typeparamref name="TLocal"/>; a failure is rethrown as itself.
    /// </summary>
    public static void ForEach<TLocal>(int count, Func<TLocal> local, Action<int, TLocal> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, local,
                (i, _, state) =>
                {
                    body(i, state);
                    return state;
                },
                _ => { });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }
}
