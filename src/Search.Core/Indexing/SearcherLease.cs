using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>A searcher acquired from a reference manager and released on dispose. Never keep one in a field.</summary>
public sealed class SearcherLease : IDisposable
{
    private readonly ReferenceManager<IndexSearcher> _manager;
    private IndexSearcher? _searcher;

    internal SearcherLease(ReferenceManager<IndexSearcher> manager)
    {
        _manager = manager;
        _searcher = manager.Acquire();
    }

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public void Dispose()
    {
        if (_searcher is { } searcher)
        {
            _searcher = null;
            _manager.Release(searcher);
        }
    }
}
