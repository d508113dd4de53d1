using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// An IndexSearcher that notices cancellation while it builds a query's weights. Lucene asks the searcher for
/// term statistics once per term of every term and phrase clause, after looking the term up in every segment;
/// for a query near the clause limit that takes tens to hundreds of milliseconds which the collector, checking
/// only once documents flow, cannot interrupt. The token is the calling thread's, set by
/// <see cref="Cancelling"/>: one searcher serves concurrent searches, and it builds weights synchronously on the
/// caller's thread (it has no executor). It also cuts its documents into the slices that
/// <see cref="Querying.SlicedSearch"/> searches in parallel; the weight is still built on the caller's thread.
/// </summary>
internal sealed class CancellableIndexSearcher(IndexReader reader, int minDocsToSplit = int.MaxValue) : IndexSearcher(reader)
{
    private Querying.DocRange[][]? _slices;

    /// <summary>The documents in at most one slice per core, of about equal size; one slice when splitting does not pay.</summary>
    public Querying.DocRange[][] Slices => _slices ??= Querying.SegmentSlicer.Slice(IndexReader.Leaves, Environment.ProcessorCount, minDocsToSplit);

    /// <summary>The weight <see cref="IndexSearcher.Search(Query, Filter, ICollector)"/> would build, shared by all slices.</summary>
    public Weight CreateWeight(Query query, Filter? filter) => CreateNormalizedWeight(filter is null ? query : WrapFilter(query, filter));

    [ThreadStatic]
    private static CancellationToken t_cancellation;

    /// <summary>Makes searches on this thread stop with OperationCanceledException once the token is cancelled.</summary>
    public static CancellationScope Cancelling(CancellationToken cancellation)
    {
        var scope = new CancellationScope(t_cancellation);
        t_cancellation = cancellation;
        return scope;
    }

    public override TermStatistics TermStatistics(Term term, TermContext context)
    {
        t_cancellation.ThrowIfCancellationRequested();
        return base.TermStatistics(term, context);
    }

    /// <summary>Restores the thread's previous token.</summary>
    public readonly struct CancellationScope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => t_cancellation = previous;
    }
}
