using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing;

/// <summary>Creates searchers that score with BM25, as the index was written, and notice cancellation early.</summary>
/// <param name="minDocsToSplit">Smallest index searched in parallel slices (<see cref="Querying.SegmentSlicer"/>).</param>
internal sealed class ArticleSearcherFactory(int minDocsToSplit) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) =>
        new CancellableIndexSearcher(reader, minDocsToSplit) { Similarity = new BM25Similarity() };
}
