using System.Collections.Concurrent;
using Grpc.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// Kills the server process (SIGKILL) at seeded random moments while it writes, restarts it on the same index
/// each time, and checks nothing acknowledged was lost and the index is clean, without any repair step.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Seed = 20240611;
    private const int Rounds = 5;
    private const int ArticlesPerBatch = 40;
    private const int MaxBatchesPerRound = 60;

    [Fact]
    public async Task KillDuringWrites_Restart_EveryAcknowledgedArticleKeptAndIndexClean()
    {
        using var root = new TempDirectory();
        string indexPath = Path.Combine(root.Path, "index");
        var random = new Random(Seed);
        var acknowledged = new AcknowledgedArticles();
        // ~2 KB bodies and a 1 MB RAM buffer: a flush every few batches, so segments, merges and commits are in flight.
        string padding = string.Join(' ', Enumerable.Range(0, 300).Select(i => "pad" + (i % 50)));
        string[] smallBuffer = ["--Search:RamBufferMb=1"];

        int checkedBefore = 0;
        for (int round = 0; round < Rounds; round++)
        {
            // Round 0 kills almost at once (during start-up); later rounds at a random point of heavy writing once the
            // round's first batch is acknowledged, so a slow machine cannot turn every round into a kill before any write.
            int killAfterMs = round == 0 ? 30 : random.Next(0, 1400);
            await using var server = await ChildServerProcess.StartAsync(indexPath, AppContext.BaseDirectory, smallBuffer);
            // Each restart checks what the round before it acknowledged; the last restart checks everything.
            var sinceLastCheck = acknowledged.Snapshot();
            await AcknowledgedArticles.AssertAllPresentAsync(server.Search, sinceLastCheck[checkedBefore..], $"start of round {round} (seed {Seed})");
            checkedBefore = sinceLastCheck.Count;

            using var stopWriting = new CancellationTokenSource();
            var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task writing = WriteUntilKilledAsync(server.Index, round, padding, acknowledged, firstAcknowledged, stopWriting.Token);
            if (round > 0)
            {
                await Task.WhenAny(firstAcknowledged.Task, writing, Task.Delay(TimeSpan.FromSeconds(60)));
            }
            await Task.Delay(killAfterMs);
            await server.KillAsync();
            await stopWriting.CancelAsync();
            await writing;
        }

        Assert.True(acknowledged.Count > 0, "no batch was acknowledged in any round; the test proved nothing");
        await using (var last = await ChildServerProcess.StartAsync(indexPath, AppContext.BaseDirectory, smallBuffer))
        {
            await AcknowledgedArticles.AssertAllPresentAsync(last.Search, acknowledged.Snapshot(), $"after the last restart (seed {Seed})");
            await last.KillAsync();
        }
        AssertIndexClean(indexPath, acknowledged.Count);
    }

    /// <summary>Streams batches and records each one whose response arrived; stops quietly when the server dies.</summary>
    private static async Task WriteUntilKilledAsync(
        IndexService.IndexServiceClient index, int round, string padding, AcknowledgedArticles acknowledged, TaskCompletionSource firstAcknowledged, CancellationToken stop)
    {
        var sent = new ConcurrentQueue<Article[]>();
        try
        {
            using var call = index.IndexArticleStream(cancellationToken: stop);
            Task reading = Task.Run(async () =>
            {
                await foreach (IndexArticlesResponse response in call.ResponseStream.ReadAllAsync(stop))
                {
                    Assert.True(sent.TryDequeue(out Article[]? batch), "a response without a batch");
                    Assert.Equal(batch!.Length, response.Indexed);
                    acknowledged.Add(batch);
                    firstAcknowledged.TrySetResult();
                }
            }, CancellationToken.None);
            for (int b = 0; b < MaxBatchesPerRound && !stop.IsCancellationRequested; b++)
            {
                Article[] batch = Enumerable.Range(0, ArticlesPerBatch)
                    .Select(i => AcknowledgedArticles.Create($"r{round}-b{b}-a{i}", $"crashr{round}b{b}a{i}z", padding))
                    .ToArray();
                sent.Enqueue(batch);
                var request = new IndexArticlesRequest();
                request.Articles.AddRange(batch);
                await call.RequestStream.WriteAsync(request, stop);
            }
            await call.RequestStream.CompleteAsync();
            await reading;
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The server was killed: batches without a response are simply not acknowledged.
        }
    }

    /// <summary>Runs Lucene's CheckIndex on the live generation named in CURRENT, with no server holding it.</summary>
    private static void AssertIndexClean(string indexPath, int acknowledgedCount)
    {
        string generation = File.ReadAllText(Path.Combine(indexPath, "CURRENT")).Trim();
        using LuceneDirectory directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(indexPath, generation)));
        var log = new StringWriter();
        var checker = new CheckIndex(directory) { InfoStream = log };
        CheckIndex.Status status = checker.DoCheckIndex();
        Assert.True(status.Clean, "CheckIndex found problems:\n" + log);
        long live = status.SegmentInfos.Sum(s => (long)(s.DocCount - s.NumDeleted));
        Assert.True(live >= acknowledgedCount, $"the committed index has {live} live documents, {acknowledgedCount} were acknowledged");
    }
}
