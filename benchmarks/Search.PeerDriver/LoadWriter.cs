using System.Diagnostics;
using Grpc.Core;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// Streams the second half of the corpus through IndexArticleStream while the searchers run, one batch in flight,
/// spread evenly over 90% of the run like a feed (sent at once when the server is behind), so that writes last
/// the whole run and each batch's latency is its own commit time. A batch not acknowledged within the deadline is
/// a failure; the stream is then reopened and the next batch sent.
/// </summary>
internal sealed class LoadWriter(IndexService.IndexServiceClient client, LoadRecorder recorder, IndexedIds indexed, TimeSpan deadline)
{
    public const string Kind = "write_batch";

    public long Written { get; private set; }

    public long Rejected { get; private set; }

    public int Batches { get; private set; }

    public int BatchesPlanned { get; private set; }

    public long LastGeneration { get; private set; }

    public async Task RunAsync(IReadOnlyList<Article> articles, int batchSize, TimeSpan runLength, CancellationToken stop)
    {
        List<List<Article>> batches = articles.Chunk(batchSize).Select(chunk => chunk.ToList()).ToList();
        BatchesPlanned = batches.Count;
        TimeSpan interval = batches.Count == 0 ? TimeSpan.Zero : runLength * 0.9 / batches.Count;
        var clock = Stopwatch.StartNew();
        AsyncDuplexStreamingCall<IndexArticlesRequest, IndexArticlesResponse>? call = null;
        try
        {
            for (int i = 0; i < batches.Count && !stop.IsCancellationRequested; i++)
            {
                TimeSpan due = interval * i;
                if (clock.Elapsed < due)
                {
                    try
                    {
                        await Task.Delay(due - clock.Elapsed, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
                // The stream's own deadline covers the whole run; each batch is held to the request deadline below.
                call ??= client.IndexArticleStream(deadline: DateTime.UtcNow.Add(runLength + deadline + deadline), cancellationToken: CancellationToken.None);
                if (!await SendAsync(call, batches[i]))
                {
                    call.Dispose();
                    call = null;
                }
            }
            if (call is not null)
            {
                await call.RequestStream.CompleteAsync();
                await call.ResponseStream.MoveNext(CancellationToken.None);
            }
        }
        catch (RpcException error)
        {
            recorder.Failure(Kind, error);
        }
        finally
        {
            call?.Dispose();
        }
    }

    private async Task<bool> SendAsync(AsyncDuplexStreamingCall<IndexArticlesRequest, IndexArticlesResponse> call, List<Article> batch)
    {
        var request = new IndexArticlesRequest();
        request.Articles.AddRange(batch);
        long start = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await call.RequestStream.WriteAsync(request, timeout.Token);
            if (!await call.ResponseStream.MoveNext(timeout.Token))
            {
                recorder.Failure(Kind, "StreamEnded", "the server closed the stream without acknowledging the batch");
                return false;
            }
        }
        catch (RpcException error)
        {
            recorder.Failure(Kind, timeout.IsCancellationRequested ? "ClientDeadline" : error.StatusCode.ToString(),
                timeout.IsCancellationRequested ? $"batch not acknowledged within {deadline.TotalSeconds} s" : error.Status.Detail);
            return false;
        }
        catch (OperationCanceledException)
        {
            recorder.Failure(Kind, "ClientDeadline", $"batch not acknowledged within {deadline.TotalSeconds} s");
            return false;
        }
        recorder.Success(Kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        IndexArticlesResponse response = call.ResponseStream.Current;
        Batches++;
        Written += response.Indexed;
        Rejected += response.Failed;
        LastGeneration = Math.Max(LastGeneration, response.Generation);
        var rejectedIds = response.Errors.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        indexed.AddRange(batch.Select(a => a.Id).Where(id => !rejectedIds.Contains(id)));
        foreach (ArticleError error in response.Errors.Take(5))
        {
            recorder.Failure(Kind, "ArticleRejected", $"{error.Id}: {error.Message}");
        }
        return true;
    }
}
