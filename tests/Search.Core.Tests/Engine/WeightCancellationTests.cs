using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>
/// Building a query's weights (term lookups in every segment, per clause) stops once the search is cancelled,
/// instead of finishing every clause before the collector first checks.
/// </summary>
public sealed class WeightCancellationTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public WeightCancellationTests()
    {
        _engine.Index(TestArticles.Create(50));
    }

    [Fact]
    public void CreateWeight_CancelledSearchOnThisThread_StopsWithOperationCanceled()
    {
        Query query = _engine.Get<QueryBuilder>().Parse("police OR takedown OR \"malware campaign\" OR breach");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using SearcherLease lease = _engine.Host.Current.AcquireSearcher();

        using (CancellableIndexSearcher.Cancelling(cancel.Token))
        {
            Assert.Throws<OperationCanceledException>(() => lease.Searcher.CreateNormalizedWeight(query));
        }
        // The token belongs to that search only: afterwards the same searcher builds weights again.
        Assert.NotNull(lease.Searcher.CreateNormalizedWeight(query));
        Assert.True(lease.Searcher.Search(query, 10).TotalHits > 0);
    }

    public void Dispose() => _engine.Dispose();
}
