using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing;

/// <summary>Creates searchers that score with BM25, as the index was written, and notice cancellation early.</summary>
internal sealed class ArticleSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new CancellableIndexSearcher(reader) { Similarity = new BM25Similarity() };
}
