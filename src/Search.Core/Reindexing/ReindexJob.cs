using System.Diagnostics;

namespace Search.Core.Reindexing;

/// <summary>
/// A running (or finished) rebuild's progress. The runner updates it; readers take snapshots. Each change bumps
/// a version and completes a waiter, so Watch streams changes without polling faster than needed.
/// </summary>
public sealed class ReindexJob
{
    public const int MaxErrors = 100;

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ReindexError> _errors = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ReindexJobSnapshot _snapshot;

    public ReindexJob(string id, ReindexRequest request)
    {
        _snapshot = new ReindexJobSnapshot(id, ReindexState.Queued, 0, 0, 0, 0, null, [], DateTimeOffset.UtcNow, null, "Queued.", 0, request);
    }

    public string Id => _snapshot.Id;

    public CancellationTokenSource Cancellation { get; } = new();

    public ReindexJobSnapshot Snapshot
    {
        get
        {
            lock (_lock)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>Completes at the next change.</summary>
    public Task NextChange
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public void SetState(ReindexState state, string message, long? generation = null) => Update(s => s with
    {
        State = state,
        Message = message,
        Generation = generation ?? s.Generation,
        Finished = state is ReindexState.Succeeded or ReindexState.Failed or ReindexState.Cancelled ? DateTimeOffset.UtcNow : s.Finished,
        Eta = state is ReindexState.Running ? s.Eta : TimeSpan.Zero,
    });

    public void SetTotal(long total) => Update(s => s with { Total = total });

    public void ReportProgress(long processed)
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        Update(s =>
        {
            double rate = processed / seconds;
            TimeSpan? eta = rate > 0 && s.Total >= processed ? TimeSpan.FromSeconds((s.Total - processed) / rate) : null;
            return s with { Processed = processed, ArticlesPerSecond = Math.Round(rate, 1), Eta = eta };
        });
    }

    public void ReportError(ReindexError error)
    {
        lock (_lock)
        {
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(error);
            }
        }
        Update(s => s with { Failed = s.Failed + 1, Errors = CopyErrors() });
    }

    private ReindexError[] CopyErrors()
    {
        lock (_lock)
        {
            return [.. _errors];
        }
    }

    private void Update(Func<ReindexJobSnapshot, ReindexJobSnapshot> change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _snapshot = change(_snapshot);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
