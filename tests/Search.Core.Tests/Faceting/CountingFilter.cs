using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Tests.Faceting;

/// <summary>Delegates to a filter and counts how often a search asked it for a segment's doc set.</summary>
internal sealed class CountingFilter(Filter inner) : Filter
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        Interlocked.Increment(ref calls);
        return inner.GetDocIdSet(context, acceptDocs);
    }
}
