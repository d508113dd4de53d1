using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Counts merges as they finish (IndexWriter calls the merged-segment warmer once per merged segment, before
/// searches can see it), so the refresher knows when a refresh would replace many small segments with one.
/// </summary>
internal sealed class MergeCounter : IndexWriter.IndexReaderWarmer
{
    private long _merged;

    public long Merged => Interlocked.Read(ref _merged);

    public override void Warm(AtomicReader reader) => Interlocked.Increment(ref _merged);
}
