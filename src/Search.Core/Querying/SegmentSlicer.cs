using Lucene.Net.Index;

namespace Search.Core.Querying;

/// <summary>
/// Groups an index's segments into slices that can be searched on separate cores. A large index after a bulk
/// load has a few big segments; counting facets over a third of a million matches took 150 ms on one core, so a
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
    public static IList<AtomicReaderContext>[] Slice(IList<AtomicReaderContext> leaves, int cores, int minDocsToSplit)
    {
        long total = leaves.Sum(leaf => (long)leaf.AtomicReader.MaxDoc);
        int count = Math.Min(cores, leaves.Count);
        if (count < 2 || total < minDocsToSplit)
        {
            return [leaves];
        }
        // Largest segment first into the lightest slice: close to even, as even as whole segments allow.
        var slices = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var sizes = new long[count];
        foreach (AtomicReaderContext leaf in leaves.OrderByDescending(leaf => leaf.AtomicReader.MaxDoc))
        {
            int lightest = Array.IndexOf(sizes, sizes.Min());
            slices[lightest].Add(leaf);
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
        }
        // Leaves in index order within a slice: collectors see doc ids ascending, as in a sequential search.
        return slices.Where(slice => slice.Count > 0)
            .Select(slice => (IList<AtomicReaderContext>)slice.OrderBy(leaf => leaf.Ord).ToList())
            .ToArray();
    }
}
