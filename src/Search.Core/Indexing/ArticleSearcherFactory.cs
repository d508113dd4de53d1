using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing;

/// <summary>
/// Creates searchers that score with BM25, as the index was written, notice cancellation early, and find the
/// facet ordinals of their segments already loaded (see <see cref="Faceting.SegmentOrdinals"/>).
/// </summary>
/// <param name="minDocsToSplit">Smallest index searched in parallel slices (<see cref="Querying.SegmentSlicer"/>).</param>
internal sealed class ArticleSearcherFactory(int minDocsToSplit) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        // Before the searcher is published, as Lucene's merged-segment warmers do: searches never wait for it.
        Faceting.SegmentOrdinals.Warm(reader);
        return new CancellableIndexSearcher(reader, minDocsToSplit) { Similarity = new BM25Similarity() };
    }
}
