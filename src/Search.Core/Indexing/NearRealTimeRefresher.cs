using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Search.Core.Indexing;

/// <summary>
/// Refreshes the searcher within the refresh interval of every commit, and at once when someone
/// waits for a generation (read-your-writes). Writes are acknowledged only once committed, so a timed refresh with
/// no commit since the last one would show nobody anything they were promised; skipping it matters during a bulk
/// stream, where each refresh flushes the writer's buffer into a small segment that merges must then rewrite.
/// It does what Lucene's ControlledRealTimeReopenThread does, with one difference that matters in .NET: a failed
/// refresh (a full disk while flushing) is caught and retried, keeping the last good searcher, instead of escaping
/// the thread and ending the whole process. Every refresh, also those callers ask for, runs here so that each
/// failure is counted: Lucene discards the documents it was flushing when the flush fails, and the index must not
/// acknowledge a write whose documents went that way.
/// </summary>
internal sealed partial class NearRealTimeRefresher : IDisposable
{
    private static readonly TimeSpan WaitedRefreshDelay = TimeSpan.FromMilliseconds(5);

    private readonly TrackingIndexWriter _writer;
    private readonly ReferenceManager<IndexSearcher> _searchers;
    private readonly TimeSpan _interval;
    private readonly Action<Exception> _failed;
    private readonly ILogger _logger;
    private readonly Func<long> _changes;
    // Held for a whole refresh attempt, including counting its failure, so Settle can wait for one in progress.
    private readonly Lock _refreshLock = new();
    // A plain object: Monitor.Wait and PulseAll need monitor locking, which System.Threading.Lock does not offer.
    private readonly object _sync = new();
    private readonly Thread _thread;
    private long _searchingGeneration;
    private long _changesSeen;
    private int _waiting;
    private bool _stopped;
    private int _failuresInARow;

    /// <param name="changes">Commits so far; a timed refresh runs only once this grew.</param>
    /// <param name="failed">Told of every failed refresh, before the attempt ends.</param>
    public NearRealTimeRefresher(TrackingIndexWriter writer, ReferenceManager<IndexSearcher> searchers, TimeSpan interval,
        Func<long> changes, Action<Exception> failed, ILogger logger)
    {
        _writer = writer;
        _searchers = searchers;
        _interval = interval;
        _failed = failed;
        _logger = logger;
        _changes = changes;
        _changesSeen = changes();
        _thread = new Thread(Run) { Name = "search-nrt-refresh", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The newest tracking generation every search now sees.</summary>
    public long SearchingGeneration => Interlocked.Read(ref _searchingGeneration);

    /// <summary>Refreshes now on the calling thread; a failure is counted and logged like the loop's own, then thrown.</summary>
    public void RefreshNow()
    {
        lock (_refreshLock)
        {
            try
            {
                _searchers.MaybeRefreshBlocking();
                Recovered();
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                Failed(ex);
                throw;
            }
        }
    }

    /// <summary>Returns once no refresh that began before the call is still running, so any failure it met is counted.</summary>
    public void Settle()
    {
        lock (_refreshLock)
        {
        }
    }

    internal static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    /// <summary>Waits until <paramref name="generation"/> is searchable; false on timeout.</summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        lock (_sync)
        {
            _waiting++;
            Monitor.PulseAll(_sync);
            try
            {
                while (Interlocked.Read(ref _searchingGeneration) < generation)
                {
                    TimeSpan remaining = deadline - DateTime.UtcNow;
                    if (remaining <= TimeSpan.Zero || _stopped)
                    {
                        return false;
                    }
                    Monitor.Wait(_sync, remaining);
                }
                return true;
            }
            finally
            {
                _waiting--;
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            bool waitedFor;
            lock (_sync)
            {
                if (!_stopped)
                {
                    Monitor.Wait(_sync, _waiting > 0 ? WaitedRefreshDelay : _interval);
                }
                if (_stopped)
                {
                    return;
                }
                waitedFor = _waiting > 0;
            }
            long changes = _changes();
            if (!waitedFor && changes == _changesSeen)
            {
                continue;
            }
            lock (_refreshLock)
            {
                // Every write that returned this generation happened before the increment, so it is in the refresh.
                long generation = _writer.GetAndIncrementGeneration();
                try
                {
                    _searchers.MaybeRefreshBlocking();
                    _changesSeen = changes;
                    Recovered();
                    lock (_sync)
                    {
                        Interlocked.Exchange(ref _searchingGeneration, generation);
                        Monitor.PulseAll(_sync);
                    }
                }
                catch (Exception ex) when (IsWriteFailure(ex))
                {
                    // Searches keep the last good searcher; the next round tries again.
                    Failed(ex);
                }
                catch (ObjectDisposedException)
                {
                    // The index is closing.
                }
            }
        }
    }

    private void Failed(Exception ex)
    {
        _failed(ex);
        // Once per episode: the loop retries every interval, and a full disk can last hours.
        if (_failuresInARow++ == 0)
        {
            LogRefreshFailed(_logger, ex);
        }
    }

    private void Recovered()
    {
        if (_failuresInARow > 0)
        {
            LogRefreshRecovered(_logger, _failuresInARow);
            _failuresInARow = 0;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Refreshing the searcher failed; searches keep the last searcher and the refresh is retried. Writes not yet committed were discarded and are refused, not acknowledged.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Refreshing the searcher works again after {Failures} failed attempts.")]
    private static partial void LogRefreshRecovered(ILogger logger, int failures);

    public void Dispose()
    {
        lock (_sync)
        {
            _stopped = true;
            Monitor.PulseAll(_sync);
        }
        _thread.Join(TimeSpan.FromSeconds(30));
    }
}
