using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Schema;
using Search.Server.Tests.Infrastructure;
using Search.Tests.Shared;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// A full disk, simulated by a Lucene directory whose writes throw: writes are refused with a clear status and
/// not acknowledged, searches keep working, the process survives (including the near-real-time refresh
/// thread), and once space is back writes succeed and everything acknowledged is durable.
/// </summary>
public sealed class DiskFullTests
{
    private static readonly ArticleDocumentMapper Mapper = new(new PassThroughOrganisationExtractor());

    [Fact]
    public async Task Write_DiskFull_RefusedAsResourceExhaustedSearchesWorkAndRecoversAfterwards()
    {
        using var root = new TempDirectory();
        string indexPath = Path.Combine(root.Path, "index");
        var options = new SearchIndexOptions { IndexPath = indexPath, RefreshInterval = TimeSpan.FromMilliseconds(50) };
        FailingDirectory? disk = null;
        var acknowledged = new List<string>();
        using (var host = IndexHost.Open(indexPath, path => ArticleIndex.Open(path, Mapper, options, 0, d => disk = new FailingDirectory(d))))
        {
            var writer = new ArticleWriter(host, options);
            acknowledged.AddRange(await WriteAsync(writer, "before", 20));
            host.Current.RefreshBlocking();

            disk!.Full = true;
            var refusals = new List<SearchRequestException>();
            // Several attempts over a few refresh intervals, so the refresh thread also meets the full disk.
            for (int attempt = 0; attempt < 5; attempt++)
            {
                refusals.Add(await Assert.ThrowsAsync<SearchRequestException>(() => WriteAsync(writer, "during-" + attempt, 20)));
                Assert.Equal(20, CountLive(host, "before"));
                await Task.Delay(100);
            }
            disk.Full = false;

            Assert.All(refusals, r => Assert.Equal(SearchErrorKind.ResourceExhausted, r.Kind));
            Assert.All(refusals, r => Assert.Contains("No space left", r.Message, StringComparison.Ordinal));
            Assert.True(disk.Failures > 0);
            acknowledged.AddRange(await WriteAsync(writer, "after", 20));
            host.Current.RefreshBlocking();
            Assert.Equal(20, CountLive(host, "after"));
        }

        // Reopened without the failing wrapper: every acknowledged article survived the episode.
        string generationPath;
        using (var reopened = IndexHost.Open(indexPath, path => ArticleIndex.Open(path, Mapper, options)))
        {
            generationPath = reopened.Current.Path;
            using var lease = reopened.Current.AcquireSearcher();
            var missing = acknowledged.Where(id => lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1).TotalHits == 0).ToList();
            Assert.True(missing.Count == 0, "acknowledged but lost: " + string.Join(", ", missing));
        }
        Assert.Equal(0, CheckIndex(generationPath));
    }

    private static async Task<List<string>> WriteAsync(ArticleWriter writer, string prefix, int count)
    {
        var batch = Enumerable.Range(0, count)
            .Select(i => new Article { Id = $"{prefix}-{i}", Title = $"Disk full {prefix} number {i}", Body = string.Join(' ', Enumerable.Repeat(prefix, 50)), Source = prefix })
            .ToList();
        IndexBatchResult result = await writer.IndexAsync(batch, CancellationToken.None);
        Assert.Equal(count, result.Indexed);
        return batch.Select(a => a.Id).ToList();
    }

    /// <summary>Live articles whose source is <paramref name="source"/>, on the current searcher.</summary>
    private static int CountLive(IndexHost host, string source)
    {
        var (_, lease) = host.AcquireLive();
        using (lease)
        {
            return lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Source, source)), 1).TotalHits;
        }
    }

    /// <summary>Number of problems Lucene's CheckIndex finds in a generation folder that no writer holds.</summary>
    private static int CheckIndex(string generationPath)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(generationPath));
        var status = new Lucene.Net.Index.CheckIndex(directory).DoCheckIndex();
        return status.Clean ? 0 : 1;
    }
}
