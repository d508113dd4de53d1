using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>What the ingest of the corpus produced.</summary>
internal sealed record IngestOutcome(double Seconds, int Batches, long Indexed, long Failed, long Generation, IReadOnlyList<string> FirstErrors);

/// <summary>
/// Streams the corpus through IndexArticleStream. Batches are written as fast as HTTP/2 flow control and the
/// server's commit pipeline allow, so several are in flight; the clock stops when the last batch is acknowledged,
/// which the contract defines as "durably committed".
/// </summary>
internal static class CorpusIngester
{
    public static Task<IngestOutcome> IngestAsync(GrpcChannel channel, string articlesPath, int batchSize) =>
        IngestAsync(channel, ArticleJson.ReadBatches(articlesPath, batchSize));

    public static async Task<IngestOutcome> IngestAsync(GrpcChannel channel, IEnumerable<List<Article>> batches)
    {
        var client = new IndexService.IndexServiceClient(channel);
        var clock = Stopwatch.StartNew();
        using AsyncDuplexStreamingCall<IndexArticlesRequest, IndexArticlesResponse> call = client.IndexArticleStream();
        long indexed = 0, failed = 0, generation = 0;
        int acknowledged = 0;
        var errors = new List<string>();
        Task reader = Task.Run(async () =>
        {
            await foreach (IndexArticlesResponse response in call.ResponseStream.ReadAllAsync())
            {
                acknowledged++;
                indexed += response.Indexed;
                failed += response.Failed;
                generation = Math.Max(generation, response.Generation);
                errors.AddRange(response.Errors.Take(Math.Max(0, 5 - errors.Count)).Select(e => $"{e.Id}: {e.Message}"));
            }
        });
        int sent = 0;
        foreach (List<Article> batch in batches)
        {
            var request = new IndexArticlesRequest();
            request.Articles.AddRange(batch);
            await call.RequestStream.WriteAsync(request);
            sent++;
        }
        await call.RequestStream.CompleteAsync();
        await reader;
        double seconds = clock.Elapsed.TotalSeconds;
        if (acknowledged != sent)
        {
            throw new InvalidOperationException($"Sent {sent} batches but {acknowledged} were acknowledged.");
        }
        return new IngestOutcome(seconds, sent, indexed, failed, generation, errors);
    }

    /// <summary>
    /// Waits until the index is quiet: the server reports no merge running or due (including the compaction that
    /// follows a burst of writes once they go quiet), and size and segment count are unchanged over one second
    /// (the merged segments committed and searchable, the files they replaced deleted); at most 15 minutes. The
    /// peers are measured after their one commit with nothing running, so queries and size are measured once merges
    /// settle, not while a merge competes for the cores. The build time is not affected: its clock stopped at the
    /// last acknowledgement; the time to settle is reported beside it.
    /// </summary>
    public static async Task<IndexStats> WaitSettledAsync(GrpcChannel channel, IndexStats searchable)
    {
        var client = new IndexService.IndexServiceClient(channel);
        var clock = Stopwatch.StartNew();
        IndexStats last = searchable;
        while (clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            await Task.Delay(1000);
            IndexStats now = await client.GetIndexStatsAsync(new GetIndexStatsRequest());
            if (!now.Merging && !last.Merging && now.SizeBytes == last.SizeBytes && now.SegmentCount == last.SegmentCount)
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    /// <summary>Waits until searches see everything ingested (the server refreshes its searcher periodically).</summary>
    public static async Task<IndexStats> WaitSearchableAsync(GrpcChannel channel, long generation)
    {
        var client = new IndexService.IndexServiceClient(channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            IndexStats stats = await client.GetIndexStatsAsync(new GetIndexStatsRequest());
            if (stats.SearchableGeneration >= generation || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return stats;
            }
            await Task.Delay(50);
        }
    }
}
