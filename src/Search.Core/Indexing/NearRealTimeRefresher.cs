using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// Refreshes the searcher within the refresh interval of every commit, and at once when someone waits for a
/// generation (read-your-writes). Writes are acknowledged only once committed, so a timed refresh with no commit
/// since the last one would show nobody anything they were promised; skipping it matters during a bulk stream,
/// where each refresh flushes the writer's buffer into a small segment that merges must then rewrite. It does what Lucene's ControlledRealTimeReopenThread does, with one difference that
/// matters in .NET: a failed refresh (a full disk while flushing) is caught and retried, keeping the last good
/// searcher, instead of escaping the thread and ending the whole process.
/// </summary>
internal sealed class NearRealTimeRefresher : IDisposable
{
    private static readonly TimeSpan WaitedRefreshDelay = TimeSpan.FromMilliseconds(5);

    private readonly TrackingIndexWriter _writer;
    private readonly ReferenceManager<IndexSearcher> _searchers;
    private readonly TimeSpan _interval;
    private readonly Func<long> _commits;
    // A plain object: Monitor.Wait and PulseAll need monitor locking, which System.Threading.Lock does not offer.
    private readonly object _sync = new();
    private readonly Thread _thread;
    private long _searchingGeneration;
    private long _commitsSeen;
    private int _waiting;
    private bool _stopped;

    /// <param name="commits">How many commits the index has made so far; a timed refresh runs only after a new one.</param>
    public NearRealTimeRefresher(TrackingIndexWriter writer, ReferenceManager<IndexSearcher> searchers, TimeSpan interval, Func<long> commits)
    {
        _writer = writer;
        _searchers = searchers;
        _interval = interval;
        _commits = commits;
        _commitsSeen = commits();
        _thread = new Thread(Run) { Name = "search-nrt-refresh", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The newest tracking generation every search now sees.</summary>
    public long SearchingGeneration => Interlocked.Read(ref _searchingGeneration);

    /// <summary>Last refresh failure, if the most recent refresh failed (e.g. the disk is full).</summary>
    public Exception? LastFailure { get; private set; }

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
            long commits = _commits();
            if (!waitedFor && commits == _commitsSeen)
            {
                continue;
            }
            // Every write that returned this generation happened before the increment, so it is in the refresh.
            long generation = _writer.GetAndIncrementGeneration();
            try
            {
                _searchers.MaybeRefreshBlocking();
                _commitsSeen = commits;
                LastFailure = null;
                lock (_sync)
                {
                    Interlocked.Exchange(ref _searchingGeneration, generation);
                    Monitor.PulseAll(_sync);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Searches keep the last good searcher; the next round tries again.
                LastFailure = ex;
            }
        }
    }

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
