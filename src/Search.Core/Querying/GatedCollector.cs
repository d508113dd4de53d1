using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>
/// Passes on only the documents a filter admits. With it, one pass over the query answers a multi-select
/// search: the filtered field's own facet counts every match (its clause left out), while the hits and the other
/// facets see only what the clause admits, instead of a second pass over the query for that field.
/// </summary>
/// <remarks>
/// Documents arrive in order (it asks for that), so the filter's iterator is advanced alongside instead of
/// materialising a bit set per segment.
/// </remarks>
internal sealed class GatedCollector(ICollector inner, Filter gate) : ICollector
{
    private DocIdSetIterator? _admitted;
    private int _next = -1;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        inner.SetNextReader(context);
        // Live docs are already applied by the query's scorer.
        _admitted = gate.GetDocIdSet(context, null)?.GetIterator();
        _next = -1;
    }

    public void Collect(int doc)
    {
        if (_admitted is null)
        {
            return;
        }
        if (_next < doc)
        {
            _next = _admitted.Advance(doc);
        }
        if (_next == doc)
        {
            inner.Collect(doc);
        }
    }
}
