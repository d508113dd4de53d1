using Microsoft.Extensions.Logging;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Querying;
using Search.Tests.Shared;

namespace Search.Core.Tests.Engine;

/// <summary>
/// A near-real-time refresh that fails (the disk fills while documents are buffered): searches keep answering
/// from the last searcher, the failure is logged, the write whose buffered documents Lucene discarded is refused
/// rather than acknowledged by the next commit, and once the disk is back new writes become searchable.
/// </summary>
public sealed class RefreshFailureTests
{
    [Fact]
    public async Task RefreshFails_SearchesKeepLastSearcherAndBufferedWriteIsRefused_WritesSearchableAfterRecovery()
    {
        FailingDirectory? disk = null;
        var log = new RecordingLogger();
        // No timed refreshes: the refresh runs when a reader waits, so the test decides when it meets the full disk.
        var settings = new Dictionary<string, string?> { ["Search:RefreshInterval"] = "01:00:00" };
        using var engine = new EngineFixture(settings: settings, wrapDirectory: d => disk = new FailingDirectory(d), indexLog: log);
        engine.Index(Batch("before"));
        ArticleIndex index = engine.Host.Current;

        // Buffered in the writer (its segment files are already open) and not yet committed when the disk fills.
        var (_, generation, failedBefore) = engine.Host.Upsert(Batch("during"));
        disk!.Full = true;
        // Waiting for the write makes the refresh flush now; the flush fails and Lucene discards the documents.
        index.WaitForGeneration(generation, TimeSpan.FromSeconds(10));

        Assert.True(disk.Failures > 0, "the refresh never met the full disk");
        Assert.True(index.FailedFlushes > failedBefore);
        Assert.Equal(Ids("before"), SearchIds(engine, "before"));
        Assert.Empty(SearchIds(engine, "during"));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Exception?.Message.Contains("No space left", StringComparison.Ordinal) == true);

        disk.Full = false;
        // The next commit succeeds without the discarded documents; the write must not be acknowledged by it.
        var refused = await Assert.ThrowsAsync<IOException>(() => index.WaitDurableAsync(failedBefore));
        Assert.Contains("No space left", refused.Message, StringComparison.Ordinal);

        // Disk back: a new write becomes searchable, and the refused write lands when the client retries it.
        engine.Index(Batch("after"));
        engine.Index(Batch("during"));
        Assert.Equal(Ids("after"), SearchIds(engine, "after"));
        Assert.Equal(Ids("during"), SearchIds(engine, "during"));
        Assert.Equal(Ids("before"), SearchIds(engine, "before"));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("works again", StringComparison.Ordinal));
    }

    private const int BatchSize = 10;

    private static List<Article> Batch(string source) =>
        Ids(source).Select(id => new Article { Id = id, Title = "Refresh " + id, Body = "Body text " + source, Source = source }).ToList();

    private static List<string> Ids(string source) => Enumerable.Range(0, BatchSize).Select(i => $"{source}-{i}").ToList();

    private static List<string> SearchIds(EngineFixture engine, string source) =>
        engine.Search(new SearchQuery { Text = "source:" + source, PageSize = 100, Sort = SearchSort.Relevance })
            .Hits.Select(h => h.Article.Id).Order(StringComparer.Ordinal).ToList();
}
