using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Stops a search when its caller goes away or its deadline passes, so an abandoned query frees its thread
/// instead of running to the end. Checks the token every 1024 documents and at every segment.
/// </summary>
internal sealed class CancellableCollector(ICollector inner, CancellationToken cancellation) : ICollector
{
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck >= 1024)
        {
            _sinceCheck = 0;
            cancellation.ThrowIfCancellationRequested();
        }
        inner.Collect(doc);
    }
}
