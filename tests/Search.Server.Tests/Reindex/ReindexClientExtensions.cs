using Grpc.Core;
using Search.Contracts.V1;

namespace Search.Server.Tests.Reindex;

/// <summary>Shortcuts for following reindex jobs.</summary>
public static class ReindexClientExtensions
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Every state WatchReindexJob streams for the job, until it ends.</summary>
    public static async Task<List<ReindexJob>> WatchToEndAsync(this ReindexService.ReindexServiceClient client, string id, Metadata? headers = null)
    {
        using var timeout = new CancellationTokenSource(JobTimeout);
        using AsyncServerStreamingCall<ReindexJob> call = client.WatchReindexJob(new WatchReindexJobRequest { Id = id }, headers, cancellationToken: timeout.Token);
        var updates = new List<ReindexJob>();
        await foreach (ReindexJob update in call.ResponseStream.ReadAllAsync(timeout.Token))
        {
            updates.Add(update);
        }
        Assert.NotEmpty(updates);
        return updates;
    }

    /// <summary>The job's final state.</summary>
    public static async Task<ReindexJob> WaitForEndAsync(this ReindexService.ReindexServiceClient client, string id, Metadata? headers = null) =>
        (await client.WatchToEndAsync(id, headers))[^1];

    public static bool IsFinished(this ReindexJob job) =>
        job.State is ReindexState.Succeeded or ReindexState.Failed or ReindexState.Cancelled;

    public static StartReindexRequest LiveIndex() => new() { Source = ReindexSource.LiveIndex };
}
