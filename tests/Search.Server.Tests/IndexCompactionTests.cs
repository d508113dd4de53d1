using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using static Search.Server.Tests.Infrastructure.SearchClientExtensions;

namespace Search.Server.Tests;

/// <summary>
/// GetIndexStats.merging tells a client (a bulk loader, the benchmark driver) when the segments a burst of commits
/// left have been compacted, so it can wait for the index's final shape.
/// </summary>
public sealed class IndexCompactionTests
{
    [Fact]
    public async Task GetIndexStats_AfterABurstOfWrites_IsMergingUntilTheSmallSegmentsAreOne()
    {
        using var root = new TempDirectory();
        await using var server = await SearchServer.StartAsync(Path.Combine(root.Path, "index"), "", "--Search:IdleCompactionDelay=00:00:00.500");
        IndexArticlesResponse last = new();
        for (int i = 0; i < 4; i++)
        {
            last = await server.Index.IndexArticlesAsync(Batch(NewArticle($"compact-{i}", $"Europol report {i}")));
        }
        IndexStats during = await server.Index.GetIndexStatsAsync(new GetIndexStatsRequest());

        IndexStats settled = during;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (settled.Merging || settled.SegmentCount != 1 || settled.SearchableGeneration < last.Generation))
        {
            await Task.Delay(100);
            settled = await server.Index.GetIndexStatsAsync(new GetIndexStatsRequest());
        }

        Assert.True(during.Merging, "a compaction is due right after the writes");
        Assert.False(settled.Merging, "the compaction finished");
        Assert.Equal(1, settled.SegmentCount);
        Assert.Equal(4, settled.ArticleCount);
        var hits = await server.Search.SearchAsync(new SearchRequest { Query = "europol" });
        Assert.Equal(4, hits.TotalHits);
    }
}
