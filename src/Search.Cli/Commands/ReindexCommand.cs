using Grpc.Core;
using Search.Cli.Arguments;
using Search.Cli.Connection;
using Search.Cli.Reindexing;
using Search.Contracts.V1;

namespace Search.Cli.Commands;

/// <summary>
/// <c>reindex [--from PATH...] [--replace]</c>: starts a rebuild on the server and follows it with a progress bar
/// until it ends; <c>reindex --cancel ID</c> cancels one. Ctrl+C only stops watching: the job belongs to the
/// server and keeps running, which the command says before it exits.
/// </summary>
internal sealed class ReindexCommand(StartReindexRequest? start, string? cancelId, ServerConnection connection, CliConsole console)
{
    public static ReindexCommand From(ParsedCommand command, ServerConnection connection, CliConsole console)
    {
        IReadOnlyList<string> paths = command.All("--from");
        bool replace = command.Has("--replace");
        if (command.Value("--cancel") is { } id)
        {
            if (paths.Count > 0 || replace)
            {
                throw new UsageException("'--cancel' cannot be combined with '--from' or '--replace'", command.Name);
            }
            return new ReindexCommand(null, id, connection, console);
        }
        if (replace && paths.Count == 0)
        {
            throw new UsageException("'--replace' needs '--from': without files there is nothing to replace the index with", command.Name);
        }
        return new ReindexCommand(BuildRequest(paths, replace), null, connection, console);
    }

    /// <summary>
    /// Files when paths are given (articles missing from them are kept unless <paramref name="replace"/>), otherwise
    /// the live index's own articles.
    /// </summary>
    public static StartReindexRequest BuildRequest(IReadOnlyList<string> paths, bool replace)
    {
        var request = new StartReindexRequest
        {
            Source = paths.Count > 0 ? ReindexSource.Files : ReindexSource.LiveIndex,
            Replace = replace,
        };
        request.Paths.AddRange(paths);
        return request;
    }

    public StartReindexRequest? StartRequest => start;

    public string? CancelId => cancelId;

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        if (cancelId is not null)
        {
            ReindexJob cancelled = await connection.Reindex.CancelReindexJobAsync(new CancelReindexJobRequest { Id = cancelId }, cancellationToken: cancellation);
            console.Out.WriteLine($"cancel requested for job {cancelled.Id} ({ReindexJobText.State(cancelled.State)}); " +
                "the partial generation is removed and the live index stays as it was");
            return ExitCodes.Success;
        }

        // Not cancellable: after a Ctrl+C during the call nobody could tell whether a job was started.
        ReindexJob job = await connection.Reindex.StartReindexAsync(start ?? BuildRequest([], replace: false), cancellationToken: CancellationToken.None);
        console.Error.WriteLine($"started reindex job {job.Id}");
        var progress = new ReindexProgressBar(console.Error, interactive: !console.IsErrorRedirected);
        try
        {
            job = await WatchAsync(job, progress, cancellation);
        }
        catch (Exception error) when (cancellation.IsCancellationRequested && error is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            progress.Finish();
            console.Out.WriteLine($"detached; job {job.Id} keeps running; `search jobs` to check, `search reindex --cancel {job.Id}` to cancel");
            return ExitCodes.Detached;
        }
        progress.Finish();

        if (!ReindexJobText.IsFinished(job.State))
        {
            console.Error.WriteLine($"error: the server stopped reporting on job {job.Id} while it was {ReindexJobText.State(job.State)}; " +
                $"`search job {job.Id}` shows where it is");
            return ExitCodes.Failure;
        }
        ReindexSummaryWriter.Write(console.Out, job);
        return job.State == ReindexState.Succeeded ? ExitCodes.Success : ExitCodes.Rejected;
    }

    /// <summary>Follows the job until it ends; the last state seen, re-read once if the stream ended early.</summary>
    private async Task<ReindexJob> WatchAsync(ReindexJob job, ReindexProgressBar progress, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        progress.Update(job);
        using (AsyncServerStreamingCall<ReindexJob> call = connection.Reindex.WatchReindexJob(
            new WatchReindexJobRequest { Id = job.Id }, cancellationToken: cancellation))
        {
            await foreach (ReindexJob update in call.ResponseStream.ReadAllAsync(cancellation))
            {
                job = update;
                progress.Update(job);
            }
        }
        if (!ReindexJobText.IsFinished(job.State))
        {
            job = await connection.Reindex.GetReindexJobAsync(new GetReindexJobRequest { Id = job.Id }, cancellationToken: cancellation);
        }
        return job;
    }
}
