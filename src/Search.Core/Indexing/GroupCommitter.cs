using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Group commit: every writer that finished its changes waits for the next commit, and one commit covers all
/// writers that joined before it started, so durability costs one fsync round per burst, not per batch.
/// </summary>
internal sealed class GroupCommitter : IDisposable
{
    private readonly IndexWriter _writer;
    private readonly Func<IDictionary<string, string>> _commitData;
    private readonly Action<Exception> _failed;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _roundLock = new();
    private TaskCompletionSource _pending = NewRound();
    private bool _hasWaiters;
    // Set once closed: what a wait asked after closing gets (the final commit, or the failure of an abandoned close),
    // so a writer that asks late (a stream whose index was swapped out meanwhile) is answered instead of left waiting.
    private Task? _closed;

    /// <param name="failed">Told of every failed commit before its writers are; a failed commit's flush discards
    /// documents of writers waiting for the next one.</param>
    public GroupCommitter(IndexWriter writer, Func<IDictionary<string, string>> commitData, Action<Exception> failed)
    {
        _writer = writer;
        _commitData = commitData;
        _failed = failed;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    private long _commits;

    /// <summary>Successful commits so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Time of the last successful commit.</summary>
    public DateTimeOffset? LastCommit { get; private set; }

    /// <summary>Completes once every change made before the call is durable; faults if the commit fails.</summary>
    public Task WaitDurableAsync()
    {
        Task round;
        lock (_roundLock)
        {
            if (_closed is not null)
            {
                return _closed;
            }
            round = _pending.Task;
            _hasWaiters = true;
        }
        _wake.Release();
        return round;
    }

    /// <summary>Commits now on the calling thread (used at shutdown after the loop stopped).</summary>
    public void CommitNow()
    {
        try
        {
            _writer.SetCommitData(_commitData());
            _writer.Commit();
        }
        catch (Exception ex) when (NearRealTimeRefresher.IsWriteFailure(ex))
        {
            _failed(ex);
            throw;
        }
        LastCommit = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _commits);
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            TaskCompletionSource round;
            lock (_roundLock)
            {
                if (!_hasWaiters)
                {
                    continue;
                }
                round = _pending;
                _pending = NewRound();
                _hasWaiters = false;
            }
            try
            {
                CommitNow();
                round.SetResult();
            }
            catch (Exception ex)
            {
                round.SetException(ex);
            }
        }
    }

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops the loop, commits what is pending and answers every writer still waiting.</summary>
    public void Dispose()
    {
        StopLoop();
        TaskCompletionSource round;
        lock (_roundLock)
        {
            round = _pending;
            _closed = round.Task;
        }
        try
        {
            CommitNow();
            round.TrySetResult();
        }
        catch (Exception ex)
        {
            round.TrySetException(ex);
            throw;
        }
    }

    /// <summary>Stops the loop without committing; writers still waiting are told the index closed.</summary>
    public void Abandon()
    {
        StopLoop();
        lock (_roundLock)
        {
            _pending.TrySetException(new ObjectDisposedException(nameof(GroupCommitter), "The index was closed without committing."));
            _closed = _pending.Task;
        }
    }

    private void StopLoop()
    {
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(30));
    }
}
