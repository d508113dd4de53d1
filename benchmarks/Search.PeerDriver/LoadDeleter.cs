using System.Diagnostics;
using Grpc.Core;
using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// Deletes 1–5 random already-acknowledged ids, waiting ~100 ms after each answered delete (one in flight: each
/// delete waits for its durable commit), as an editor retracting articles would, so that searches and merges run
/// over deleted documents while the writer adds new ones.
/// </summary>
internal sealed class LoadDeleter(IndexService.IndexServiceClient client, LoadRecorder recorder, IndexedIds indexed, TimeSpan deadline, int seed)
{
    public const string Kind = "delete";

    public long Deleted { get; private set; }

    /// <summary>Ids sent whose delete the server did not count (should be 0: every id sent was live).</summary>
    public long NotFound { get; private set; }

    public long LastGeneration { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            List<string> ids = indexed.TakeRandom(1 + random.Next(5), random);
            if (ids.Count == 0)
            {
                continue;
            }
            var request = new DeleteArticlesRequest();
            request.Ids.AddRange(ids);
            long start = Stopwatch.GetTimestamp();
            try
            {
                DeleteArticlesResponse response = await client.DeleteArticlesAsync(request, deadline: DateTime.UtcNow.Add(deadline), cancellationToken: CancellationToken.None);
                recorder.Success(Kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Deleted += response.Deleted;
                NotFound += ids.Count - response.Deleted;
                LastGeneration = Math.Max(LastGeneration, response.Generation);
            }
            catch (RpcException error)
            {
                recorder.Failure(Kind, error);
            }
        }
    }
}
