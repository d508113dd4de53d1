using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace Search.Core.Indexing;

/// <summary>
/// Merges small segments once writes go quiet. Durable acknowledgements commit often, and every commit flushes a
/// segment, so a bulk load ends with a few dozen small segments; Lucene's tiered policy keeps up to ten per size
/// tier, and each segment costs every query its own term lookups (a plain query took twice as long on 14
/// segments as on one). After <see cref="Delay"/> without a commit, this merges every segment under
/// <see cref="LargeSegmentBytes"/> into one and commits the result; large segments are left to the tiered policy. Searches and writes go on meanwhile: the
/// merge runs on Lucene's merge threads and the searcher switches at the next refresh.
/// </summary>
internal sealed class IdleCompactor : IDisposable
{
    /// <summary>Segments at least this big are left as they are: merging them would rewrite much for little.</summary>
    internal const long LargeSegmentBytes = 64L << 20;

    private readonly IndexWriter _writer;
    private readonly Func<IReadOnlyList<long>> _segmentSizes;
    private readonly Action<Exception> _failed;
    private readonly Func<long> _commits;
    private readonly Func<Task> _commit;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _compactedAtCommits;
    private volatile bool _compacting;

    /// <param name="segmentSizes">Sizes in bytes of the segments searches see now.</param>
    /// <param name="failed">Told when writing fails: a forced merge first flushes buffered documents, and a failed
    /// flush discards documents whose writers still wait for their commit.</param>
    public IdleCompactor(IndexWriter writer, TimeSpan delay, Func<long> commits, Func<Task> commit, Func<IReadOnlyList<long>> segmentSizes,
        Action<Exception> failed, ILogger logger)
    {
        _writer = writer;
        _segmentSizes = segmentSizes;
        _failed = failed;
        Delay = delay;
        _commits = commits;
        _commit = commit;
        _logger = logger;
        _compactedAtCommits = commits();
        _loop = delay > TimeSpan.Zero
            ? Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
            : Task.CompletedTask;
    }

    /// <summary>How long without a commit before compacting; zero turns compaction off.</summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// True while writes made since the last compaction wait for it, or it runs. Only its own commits follow a
    /// compaction, so those do not make another one due.
    /// </summary>
    public bool Pending => Delay > TimeSpan.Zero && (_compacting || _commits() != Interlocked.Read(ref _compactedAtCommits));

    private async Task RunAsync()
    {
        long seenCommits = _commits();
        var quietSince = DateTimeOffset.UtcNow;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, Delay.TotalMilliseconds)), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            long commits = _commits();
            if (commits != seenCommits)
            {
                seenCommits = commits;
                quietSince = DateTimeOffset.UtcNow;
                continue;
            }
            if (commits == Interlocked.Read(ref _compactedAtCommits) || DateTimeOffset.UtcNow - quietSince < Delay)
            {
                continue;
            }
            await CompactAsync().ConfigureAwait(false);
            seenCommits = _commits();
            Interlocked.Exchange(ref _compactedAtCommits, seenCommits);
        }
    }

    private async Task CompactAsync()
    {
        _compacting = true;
        try
        {
            IReadOnlyList<long> sizes = _segmentSizes();
            int large = sizes.Count(size => size >= LargeSegmentBytes);
            if (sizes.Count - large < 2)
            {
                return;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // The tiered policy's forced merge merges the smallest segments first, so asking for one segment more
            // than there are large ones folds all the small ones into one and leaves the large ones alone.
            _writer.ForceMerge(large + 1, doWait: true);
            // Makes the merged segment durable and lets the refresher switch searches to it.
            await _commit().ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                double seconds = clock.Elapsed.TotalSeconds;
                _logger.LogInformation("Compacted {Small} small segments into one in {Seconds:0.0} s after writes went quiet.", sizes.Count - large, seconds);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException || _stop.IsCancellationRequested)
        {
            // Closing: the writer finishes or aborts its merges itself.
        }
        catch (Exception ex)
        {
            // A failed merge leaves the index as it was; the next quiet spell tries again.
            if (NearRealTimeRefresher.IsWriteFailure(ex))
            {
                _failed(ex);
            }
            _logger.LogWarning(ex, "Compacting segments failed: {Message}", ex.Message);
        }
        finally
        {
            _compacting = false;
        }
    }

    /// <summary>Stops the loop; a compaction in progress ends when the writer closes (which waits for or aborts its merges).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _loop.ContinueWith(_ => _stop.Dispose(), TaskScheduler.Default);
    }
}
