using Search.Server.Mapping;
using System.Threading.Channels;
using Grpc.Core;
using Search.Cli.Connection;
using Search.Cli.Ingest;
using Search.Contracts.V1;
using Search.Core.Ingest;

namespace Search.Cli.Commands;

/// <summary>
/// <c>ingest PATH...</c>: reads articles from files and streams them in batches over IndexArticleStream. Requests
/// are written on one task and responses read on another, so several batches are in flight and the server can
/// commit them together instead of waiting a round trip per batch.
/// </summary>
internal sealed class IngestCommand(IngestOptions options, ServerConnection connection, CliConsole console)
{
    /// <summary>Batches sent but not yet answered; bounds memory, and matches the server's own pipeline depth.</summary>
    public const int MaxBatchesInFlight = 8;

    /// <summary>Only the sending task touches it.</summary>
    private int batchesSent;

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var tally = new IngestTally();
        var progress = new ProgressReporter(console.Error, interactive: !console.IsErrorRedirected);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using AsyncDuplexStreamingCall<IndexArticlesRequest, IndexArticlesResponse> call =
            connection.Index.IndexArticleStream(cancellationToken: stop.Token);

        // Each batch is entered here before it is written, so the receiver always knows which batch a response answers.
        var inFlight = Channel.CreateBounded<SentBatch>(MaxBatchesInFlight);
        Task sending = Task.Run(() => SendAllAsync(call.RequestStream, inFlight.Writer, tally, progress, stop.Token), stop.Token);
        Task receiving = ReceiveAllAsync(call.ResponseStream, inFlight.Reader, tally, progress, stop.Token);

        Task first = await Task.WhenAny(sending, receiving);
        if (first.IsFaulted)
        {
            // Unblocks the other side: a sender waiting for room, or a receiver waiting for a response.
            await stop.CancelAsync();
        }
        try
        {
            await Task.WhenAll(sending, receiving);
            if (inFlight.Reader.TryRead(out SentBatch? unanswered))
            {
                throw new IngestProtocolException($"the server ended the stream without answering batch {unanswered.Number}");
            }
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            progress.Finish();
            console.Error.WriteLine(DescribeFailure(receiving, sending));
            if (tally.Indexed > 0)
            {
                console.Error.WriteLine($"{tally.Indexed} articles were indexed before the failure.");
            }
            return ExitCodes.Failure;
        }

        progress.Finish();
        IngestSummaryWriter.Write(console.Out, tally, progress.Elapsed);
        return tally.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Success;
    }

    private async Task SendAllAsync(
        IClientStreamWriter<IndexArticlesRequest> requests, ChannelWriter<SentBatch> inFlight, IngestTally tally,
        ProgressReporter progress, CancellationToken cancellation)
    {
        try
        {
            var readerOptions = new ArticleReaderOptions();
            if (options.DefaultSource is { } source)
            {
                readerOptions.DefaultSource = source;
            }
            var batch = new IndexArticlesRequest();
            foreach (IngestRecord record in ArticleFileReader.Read(options.Paths, readerOptions))
            {
                cancellation.ThrowIfCancellationRequested();
                if (record.Error is { } error)
                {
                    tally.AddReaderError(error);
                    progress.Update(tally);
                    continue;
                }
                batch.Articles.Add(record.Article!.ToProto());
                if (batch.Articles.Count >= options.BatchSize)
                {
                    await SendAsync(batch, requests, inFlight, cancellation);
                    batch = new IndexArticlesRequest();
                }
            }
            if (batch.Articles.Count > 0)
            {
                await SendAsync(batch, requests, inFlight, cancellation);
            }
            await requests.CompleteAsync();
        }
        finally
        {
            inFlight.TryComplete();
        }
    }

    private async Task SendAsync(
        IndexArticlesRequest batch, IClientStreamWriter<IndexArticlesRequest> requests, ChannelWriter<SentBatch> inFlight,
        CancellationToken cancellation)
    {
        var sent = new SentBatch(++batchesSent, batch.Articles.Select(article => article.Id).ToList());
        await inFlight.WriteAsync(sent, cancellation);
        await requests.WriteAsync(batch, cancellation);
    }

    private static async Task ReceiveAllAsync(
        IAsyncStreamReader<IndexArticlesResponse> responses, ChannelReader<SentBatch> inFlight, IngestTally tally,
        ProgressReporter progress, CancellationToken cancellation)
    {
        await foreach (IndexArticlesResponse response in responses.ReadAllAsync(cancellation))
        {
            if (!inFlight.TryRead(out SentBatch? batch))
            {
                throw new IngestProtocolException("the server sent more responses than batches were sent");
            }
            tally.AddBatchResult(response.Indexed, response.Failed, response.Generation, response.Errors.Select(error =>
                new ServerRejection(
                    error.Id.Length > 0 || error.Index < 0 || error.Index >= batch.Ids.Count ? error.Id : batch.Ids[error.Index],
                    batch.Number, error.Index + 1, error.Message)));
            progress.Update(tally);
        }
        // A batch still waiting here was never answered; failing now also stops a sender blocked on a full pipeline.
        if (inFlight.TryRead(out SentBatch? unanswered))
        {
            throw new IngestProtocolException($"the server ended the stream without answering batch {unanswered.Number}");
        }
    }

    /// <summary>
    /// The error that explains the failure. A mismatch or a real status wins over the cancellation it caused on the
    /// other task.
    /// </summary>
    private string DescribeFailure(params Task[] tasks)
    {
        var errors = tasks.Where(task => task.IsFaulted).SelectMany(task => task.Exception!.InnerExceptions).ToList();
        if (errors.OfType<IngestProtocolException>().FirstOrDefault() is { } mismatch)
        {
            return "error: " + mismatch.Message;
        }
        if (errors.OfType<RpcException>().OrderBy(error => error.StatusCode == StatusCode.Cancelled ? 1 : 0).FirstOrDefault() is { } status)
        {
            return RpcErrorReporter.Describe(status, connection.Url);
        }
        return "error: " + (errors.FirstOrDefault()?.Message ?? "the ingest was interrupted");
    }
}
