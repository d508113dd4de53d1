using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Search.Core.Indexing;

/// <summary>
/// Writes a stream of batches and answers each one, in order, once it is durable. Batches are written as soon as
/// they are read; durability is asked for per group of batches: when the next batch is not already waiting to be
/// read, or when a group is full. A client streaming at full speed so pays one commit per group instead of one
/// per batch (each commit flushes a segment and fsyncs it), while a client that waits for each answer gets it
/// after one commit, as before. The first batch of a stream is committed on its own, so the first answer comes
/// quickly. No batch is answered before the commit that covers it.
/// </summary>
public sealed class ArticleStreamWriter(ArticleWriter writer)
{
    /// <summary>Most batches one commit waits for while more keep arriving; bounds the latency of an answer.</summary>
    internal const int GroupSize = 8;

    /// <summary>Groups written and awaiting their commit at once; bounds the memory a fast client can hold.</summary>
    private const int GroupsInFlight = 2;

    /// <summary>
    /// Reads <paramref name="batches"/> until it ends, writing each and passing its result to
    /// <paramref name="respond"/> once durable. When <paramref name="stopping"/> fires (the host is shutting down)
    /// no further batch is read, the batches already written are still answered, and then the call fails with
    /// <see cref="SearchErrorKind.Unavailable"/>, so an endless stream cannot hold a shutdown until its timeout.
    /// </summary>
    public async Task WriteAsync(IAsyncEnumerable<ArticleBatch> batches, Func<IndexBatchResult, Task> respond,
        CancellationToken stopping, CancellationToken cancellation)
    {
        var groups = Channel.CreateBounded<DurableGroup>(GroupsInFlight);
        Task responder = RespondInOrderAsync(groups, respond);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
        var group = new GroupBuilder(writer);
        bool stoppedByShutdown = false;
        bool first = true;
        Exception? failure = null;
        try
        {
            await using IAsyncEnumerator<ArticleBatch> reader = batches.GetAsyncEnumerator(reading.Token);
            while (true)
            {
                ValueTask<bool> next = reader.MoveNextAsync();
                if (!next.IsCompleted && group.Count > 0)
                {
                    // Nothing more has arrived yet: commit what was written rather than wait for more.
                    await groups.Writer.WriteAsync(group.Seal(), reading.Token).ConfigureAwait(false);
                }
                if (!await next.ConfigureAwait(false))
                {
                    break;
                }
                group.Add(reader.Current);
                if (group.Count >= GroupSize || first)
                {
                    first = false;
                    await groups.Writer.WriteAsync(group.Seal(), reading.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            stoppedByShutdown = true;
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            // Batches already written are answered even when reading stopped early.
            if (group.Count > 0)
            {
                await TryEnqueueAsync(groups.Writer, group.Seal()).ConfigureAwait(false);
            }
            groups.Writer.TryComplete();
        }
        try
        {
            await responder.ConfigureAwait(false);
        }
        catch (Exception) when (failure is not null)
        {
            // The write's own failure says more; the responder only stopped because of it.
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        if (stoppedByShutdown)
        {
            throw new SearchRequestException(SearchErrorKind.Unavailable,
                "The server is shutting down; batches sent after the last response were not indexed. Resend them to another server or after the restart.");
        }
    }

    private static async Task TryEnqueueAsync(ChannelWriter<DurableGroup> groups, DurableGroup group)
    {
        try
        {
            // The responder either drains the channel or closes it when it fails, so this cannot wait forever.
            await groups.WriteAsync(group, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
        }
    }

    private static async Task RespondInOrderAsync(Channel<DurableGroup> groups, Func<IndexBatchResult, Task> respond)
    {
        try
        {
            await foreach (DurableGroup group in groups.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await group.Durable.ConfigureAwait(false);
                foreach (IndexBatchResult result in group.Results)
                {
                    await respond(result).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            // Stop the reading side too: nothing more can be answered.
            groups.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Results of consecutive batches and the one wait that covers them all.</summary>
    private sealed record DurableGroup(IReadOnlyList<IndexBatchResult> Results, Task Durable);

    /// <summary>Collects written batches until the group is sealed, which asks for their commit.</summary>
    private sealed class GroupBuilder(ArticleWriter writer)
    {
        private List<IndexBatchResult> _results = [];
        // Per index written to, the failed-flush count before the group's first write there: a flush failing after
        // it may have discarded any batch of the group, so the whole group is refused.
        private readonly Dictionary<ArticleIndex, long> _writtenTo = [];

        public int Count => _results.Count;

        public void Add(ArticleBatch batch)
        {
            var (result, written) = writer.WriteUncommitted(batch.Articles, batch.Rejected);
            _results.Add(result);
            if (written is { } pending)
            {
                _writtenTo.TryAdd(pending.Index, pending.FailedFlushesBefore);
            }
        }

        public DurableGroup Seal()
        {
            // Asked only now, so the commit covers every batch of the group; normally one index, two across a swap.
            Task durable = _writtenTo.Count switch
            {
                0 => Task.CompletedTask,
                1 => ArticleWriter.WaitDurableAsync(_writtenTo.First().Key, _writtenTo.First().Value),
                _ => Task.WhenAll(_writtenTo.Select(pair => ArticleWriter.WaitDurableAsync(pair.Key, pair.Value))),
            };
            var sealedGroup = new DurableGroup(_results, durable);
            _results = [];
            _writtenTo.Clear();
            return sealedGroup;
        }
    }
}

/// <summary>One batch of a write stream: the articles in request order and the positions the host already found invalid.</summary>
public sealed record ArticleBatch(IReadOnlyList<Model.Article> Articles, IReadOnlyDictionary<int, string>? Rejected = null);
