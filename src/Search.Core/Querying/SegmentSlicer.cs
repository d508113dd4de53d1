using Lucene.Net.Index;

namespace Search.Core.Querying;

/// <summary>
/// Cuts an index's documents into slices of about equal size that can be searched on separate cores. A slice
/// is a run of doc id ranges, so one large segment (an index after compaction is often a single one) is split
/// as well as many small ones. Counting facets over a third of a million matches took 150 ms on one core, so a
/// single search is split across cores once the index is large enough for that to outweigh the hand-off.
/// </summary>
internal static class SegmentSlicer
{
    /// <summary>
    /// Default of <c>Search:ParallelSearchMinDocs</c>. Smaller indexes are searched on the calling thread: a
    /// search over them takes about a millisecond, and handing work to another thread and waiting for it costs
    /// tens of microseconds and adds jitter under load.
    /// </summary>
    public const int DefaultMinDocsToSplit = 50_000;

    /// <param name="leaves">The reader's segments.</param>
    /// <param name="cores">Most slices to make.</param>
    /// <param name="minDocsToSplit">Fewer documents (deleted ones included) stay in one slice.</param>
    /// <returns>The slices, each a list of doc id ranges in index order; one slice when splitting does not pay.</returns>
    public static DocRange[][] Slice(IList<AtomicReaderContext> leaves, int cores, int minDocsToSplit)
    {
        long total = leaves.Sum(leaf => (long)leaf.AtomicReader.MaxDoc);
        var whole = leaves.Select(leaf => new DocRange(leaf, 0, leaf.AtomicReader.MaxDoc)).ToArray();
        int count = (int)Math.Min(cores, total);
        if (count < 2 || total < minDocsToSplit)
        {
            return [whole];
        }
        long perSlice = (total + count - 1) / count;
        var slices = new List<DocRange[]>(count);
        var current = new List<DocRange>();
        long room = perSlice;
        foreach (DocRange range in whole)
        {
            int from = range.From;
            while (from < range.To)
            {
                int to = (int)Math.Min(range.To, from + room);
                current.Add(range with { From = from, To = to });
                room -= to - from;
                from = to;
                if (room == 0)
                {
                    slices.Add([.. current]);
                    current.Clear();
                    room = perSlice;
                }
            }
        }
        if (current.Count > 0)
        {
            slices.Add([.. current]);
        }
        return [.. slices];
    }
}

/// <summary>Documents <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of one segment, as segment doc ids.</summary>
internal sealed record DocRange(AtomicReaderContext Leaf, int From, int To);
