using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>
/// Every acknowledged batch is committed and so flushes a segment of its own; once writes go quiet the index folds
/// those small segments together, and says it is merging until it has.
/// </summary>
public sealed class IdleCompactionTests
{
    private const int Batches = 8;
    private const int BatchSize = 6;

    [Fact]
    public void QuietIndex_FoldsTheSegmentsOfManySmallCommitsIntoOne_KeepingEveryArticle()
    {
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Search:IdleCompactionDelay"] = "00:00:00.300" });
        long totalBefore = IndexInBatches(engine);
        IndexSnapshotStats before = engine.Host.Current.GetStats();

        // Fewer segments than the tiered policy's ten per tier, so only the compaction merges them.
        Assert.Equal(Batches, before.SegmentCount);
        Assert.True(engine.Host.Current.Merging);

        IndexSnapshotStats after = WaitUntilSettled(engine.Host.Current);

        Assert.False(engine.Host.Current.Merging);
        Assert.Equal(1, after.SegmentCount);
        Assert.Equal(Batches * BatchSize, after.ArticleCount);
        Assert.Equal(totalBefore, engine.Search(new SearchQuery { Text = "police OR malware" }).TotalHits);
    }

    [Fact]
    public void CompactionTurnedOff_LeavesTheSegmentsToTheTieredPolicy()
    {
        using var engine = new EngineFixture(settings: new Dictionary<string, string?> { ["Search:IdleCompactionDelay"] = "00:00:00" });
        IndexInBatches(engine);

        // With compaction on, a compaction is due at this point (the test above); turned off, none ever is.
        Assert.False(engine.Host.Current.Merging);
        Assert.Equal(Batches, engine.Host.Current.GetStats().SegmentCount);
    }

    private static long IndexInBatches(EngineFixture engine)
    {
        var articles = TestArticles.Create(Batches * BatchSize);
        for (int i = 0; i < Batches; i++)
        {
            engine.Index(articles.Skip(i * BatchSize).Take(BatchSize).ToList());
        }
        return engine.Search(new SearchQuery { Text = "police OR malware" }).TotalHits;
    }

    /// <summary>Waits (at most 60 s) until the index reports no merge running or due and searches see one segment.</summary>
    private static IndexSnapshotStats WaitUntilSettled(ArticleIndex index)
    {
        SpinWait.SpinUntil(() => !index.Merging && index.GetStats().SegmentCount == 1, TimeSpan.FromSeconds(60));
        return index.GetStats();
    }
}
