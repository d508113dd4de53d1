using System.Collections.Concurrent;
using Grpc.Core;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// Stopping the server while a client streams batches: each response in flight either arrives or the call
/// fails with UNAVAILABLE or CANCELLED, the stop does not wait for the client to finish its stream, and after a
/// restart every acknowledged batch is there.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int ArticlesPerBatch = 25;

    [Fact]
    public async Task StopAsync_WhileStreaming_InFlightAnsweredOrUnavailableAndAcknowledgedKept()
    {
        using var root = new TempDirectory();
        string indexPath = Path.Combine(root.Path, "index");
        var acknowledged = new AcknowledgedArticles();
        StatusCode outcome;
        Task stopping;
        await using (var server = await SearchServer.StartAsync(indexPath, ""))
        {
            var sent = new ConcurrentQueue<Article[]>();
            using var call = server.Index.IndexArticleStream();
            var firstAcks = new TaskCompletionSource();
            Task<StatusCode> reading = ReadAcknowledgementsAsync(call.ResponseStream, sent, acknowledged, firstAcks);
            Task<StatusCode> writing = KeepSendingAsync(call.RequestStream, sent);
            await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(30));

            stopping = server.StopHostAsync();
            // Bounded: a server that waits for the client to end its stream would leave the call open until the
            // client gives up after its batch budget.
            outcome = await reading;
            await writing;
            await stopping;
            await server.StopAsync();
        }

        Assert.True(outcome is StatusCode.OK or StatusCode.Unavailable or StatusCode.Cancelled, $"the stream ended with {outcome}");
        Assert.True(acknowledged.Count >= ArticlesPerBatch, "no batch was acknowledged before the stop");
        await using var restarted = await SearchServer.StartAsync(indexPath, "");
        await AcknowledgedArticles.AssertAllPresentAsync(restarted.Search, acknowledged.Snapshot(), "after a graceful stop under load");
    }

    private static async Task<StatusCode> ReadAcknowledgementsAsync(IAsyncStreamReader<IndexArticlesResponse> responses, ConcurrentQueue<Article[]> sent,
        AcknowledgedArticles acknowledged, TaskCompletionSource firstAcks)
    {
        try
        {
            await foreach (IndexArticlesResponse response in responses.ReadAllAsync())
            {
                Assert.True(sent.TryDequeue(out Article[]? batch), "a response without a batch");
                Assert.Equal(batch!.Length, response.Indexed);
                acknowledged.Add(batch);
                if (acknowledged.Count >= 5 * ArticlesPerBatch)
                {
                    firstAcks.TrySetResult();
                }
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
        finally
        {
            firstAcks.TrySetResult();
        }
    }

    /// <summary>Sends batches until the call fails or a budget of 2,000 batches is spent.</summary>
    private static async Task<StatusCode> KeepSendingAsync(IClientStreamWriter<IndexArticlesRequest> requests, ConcurrentQueue<Article[]> sent)
    {
        try
        {
            for (int b = 0; b < 2_000; b++)
            {
                Article[] batch = Enumerable.Range(0, ArticlesPerBatch)
                    .Select(i => AcknowledgedArticles.Create($"stop-b{b}-a{i}", $"stopb{b}a{i}z", "graceful shutdown under load"))
                    .ToArray();
                sent.Enqueue(batch);
                var request = new IndexArticlesRequest();
                request.Articles.AddRange(batch);
                await requests.WriteAsync(request);
            }
            await requests.CompleteAsync();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
        catch (InvalidOperationException)
        {
            // Writing after the call completed.
            return StatusCode.Cancelled;
        }
    }
}
