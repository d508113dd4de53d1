using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Schema;

namespace Search.Core.Tests.Engine;

/// <summary>The engine's write stream: answers in order, each only once its batch is committed; a shutdown stops reading.</summary>
public sealed class ArticleStreamWriterTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task WriteAsync_ManyBatchesAtOnce_AnswersInOrderEachAfterItsBatchIsCommitted()
    {
        // More batches than one commit group, all ready at once, so later batches wait for a shared commit.
        List<List<Article>> batches = Enumerable.Range(0, ArticleStreamWriter.GroupSize * 2 + 3)
            .Select(b => TestArticles.Create(5, seed: b).Select((a, i) => a with { Id = $"s-{b}-{i}" }).ToList())
            .ToList();
        var answered = new List<(IndexBatchResult Result, int CommittedOfBatch)>();

        await _engine.Get<ArticleStreamWriter>().WriteAsync(ReadyAsync(batches), result =>
        {
            List<Article> batch = batches[answered.Count];
            answered.Add((result, CountCommitted(batch.Select(a => a.Id))));
            return Task.CompletedTask;
        }, CancellationToken.None, CancellationToken.None);

        Assert.Equal(batches.Count, answered.Count);
        Assert.All(answered, a => Assert.Equal((5, 5), (a.Result.Indexed, a.CommittedOfBatch)));
        Assert.True(answered.Zip(answered.Skip(1)).All(p => p.First.Result.Generation <= p.Second.Result.Generation), "generations go backwards");
    }

    [Fact]
    public async Task WriteAsync_StoppingWhileWaitingForMore_AnswersWrittenBatchesThenUnavailable()
    {
        using var stopping = new CancellationTokenSource();
        var firstRead = new TaskCompletionSource();
        var answered = new List<IndexBatchResult>();

        Task writing = _engine.Get<ArticleStreamWriter>().WriteAsync(OneThenWaitAsync(firstRead), result =>
        {
            answered.Add(result);
            return Task.CompletedTask;
        }, stopping.Token, CancellationToken.None);
        await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();

        var refused = await Assert.ThrowsAsync<SearchRequestException>(() => writing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(SearchErrorKind.Unavailable, refused.Kind);
        Assert.Equal([3], answered.Select(r => r.Indexed));
        Assert.Equal(3, CountCommitted(["w-0", "w-1", "w-2"]));
    }

    private static async IAsyncEnumerable<ArticleBatch> ReadyAsync(List<List<Article>> batches)
    {
        foreach (List<Article> batch in batches)
        {
            yield return new ArticleBatch(batch);
        }
        await Task.CompletedTask;
    }

    /// <summary>One batch, then waits for a batch that never comes until cancelled, as an idle client does.</summary>
    private static async IAsyncEnumerable<ArticleBatch> OneThenWaitAsync(TaskCompletionSource firstRead, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        yield return new ArticleBatch(TestArticles.Create(3).Select((a, i) => a with { Id = $"w-{i}" }).ToList());
        firstRead.SetResult();
        await Task.Delay(Timeout.Infinite, cancellation);
    }

    /// <summary>How many of the ids the last commit on disk holds (not what the writer has in memory).</summary>
    private int CountCommitted(IEnumerable<string> ids)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(_engine.Host.Current.Path));
        using var committed = DirectoryReader.Open(directory);
        return ids.Count(id => committed.DocFreq(new Term(ArticleFields.Id, id)) > 0);
    }

    public void Dispose() => _engine.Dispose();
}
