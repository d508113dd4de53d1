using System.Runtime.CompilerServices;
using Search.Core.Indexing;

namespace Search.Core.Reindexing;

/// <summary>
/// Starts, tracks, cancels and lists rebuild jobs: one at a time per index, history of the last 50 kept on disk.
/// </summary>
public sealed class ReindexCoordinator : IDisposable
{
    private readonly IndexHost _host;
    private readonly SearchIndexOptions _options;
    private readonly ReindexJobStore _store;
    private readonly Lock _lock = new();
    private readonly List<ReindexJobSnapshot> _history;
    private readonly Dictionary<string, ReindexJob> _active = new(StringComparer.Ordinal);
    private Task _running = Task.CompletedTask;

    public ReindexCoordinator(IndexHost host, SearchIndexOptions options)
    {
        _host = host;
        _options = options;
        _store = new ReindexJobStore(host.Root);
        _history = _store.Load();
        _store.Save(_history);
    }

    public ReindexJobSnapshot Start(ReindexRequest request)
    {
        var validated = request with { Paths = ValidatePaths(request) };
        ReindexJob job;
        lock (_lock)
        {
            if (_active.Values.FirstOrDefault() is { } running)
            {
                throw new SearchRequestException(SearchErrorKind.FailedPrecondition,
                    $"Reindex job {running.Id} is already running ({running.Snapshot.State}); wait for it or cancel it first.");
            }
            job = new ReindexJob(NewId(), validated);
            _active[job.Id] = job;
            _history.Insert(0, job.Snapshot);
            TrimHistory();
            _running = Task.Factory.StartNew(() => RunJob(job), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        Persist();
        return job.Snapshot;
    }

    public ReindexJobSnapshot Get(string id) => Find(id) ?? throw NotFound(id);

    public IReadOnlyList<ReindexJobSnapshot> List()
    {
        lock (_lock)
        {
            return _history.Select(h => _active.TryGetValue(h.Id, out var job) ? job.Snapshot : h).ToList();
        }
    }

    public ReindexJobSnapshot Cancel(string id)
    {
        ReindexJob? job;
        lock (_lock)
        {
            _active.TryGetValue(id, out job);
        }
        if (job is null)
        {
            ReindexJobSnapshot finished = Find(id) ?? throw NotFound(id);
            throw new SearchRequestException(SearchErrorKind.FailedPrecondition, $"Reindex job {id} has already finished ({finished.State}).");
        }
        job.Cancellation.Cancel();
        return job.Snapshot;
    }

    /// <summary>The job's state now, then at every change and at least every second, until it ends.</summary>
    public async IAsyncEnumerable<ReindexJobSnapshot> Watch(string id, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ReindexJob? job;
        lock (_lock)
        {
            _active.TryGetValue(id, out job);
        }
        if (job is null)
        {
            yield return Get(id);
            yield break;
        }
        while (true)
        {
            Task changed = job.NextChange;
            ReindexJobSnapshot snapshot = job.Snapshot;
            yield return snapshot;
            if (snapshot.IsFinished)
            {
                yield break;
            }
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(1), cancellation)).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Waits for the running job, if any (tests and shutdown).</summary>
    public Task WaitForIdleAsync() => _running;

    private void RunJob(ReindexJob job)
    {
        using var persistTimer = new Timer(_ => Persist(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        new ReindexRunner(_host, _options, job).Run();
        lock (_lock)
        {
            _active.Remove(job.Id);
            int index = _history.FindIndex(h => h.Id == job.Id);
            if (index >= 0)
            {
                _history[index] = job.Snapshot;
            }
        }
        Persist();
    }

    private void Persist()
    {
        _store.Save(List());
    }

    private ReindexJobSnapshot? Find(string id)
    {
        lock (_lock)
        {
            if (_active.TryGetValue(id, out var job))
            {
                return job.Snapshot;
            }
            return _history.FirstOrDefault(h => h.Id == id);
        }
    }

    private void TrimHistory()
    {
        while (_history.Count > ReindexJobStore.MaxJobs)
        {
            _history.RemoveAt(_history.Count - 1);
        }
    }

    /// <summary>Files must exist under the allowed root (symbolic links resolved), so a client cannot read the server's other files.</summary>
    private List<string> ValidatePaths(ReindexRequest request)
    {
        bool needsFiles = request.Source is ReindexSourceKind.Files or ReindexSourceKind.LiveIndexAndFiles;
        if (needsFiles && request.Paths.Count == 0)
        {
            throw SearchRequestException.Invalid("paths: a files source needs at least one file or directory.");
        }
        if (!needsFiles && request.Paths.Count > 0)
        {
            throw SearchRequestException.Invalid("paths: only a files source reads paths; use REINDEX_SOURCE_FILES or REINDEX_SOURCE_LIVE_INDEX_AND_FILES.");
        }
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.ReindexAllowedRoot));
        var resolved = new List<string>();
        foreach (string path in request.Paths)
        {
            string full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            if (!info.Exists)
            {
                throw SearchRequestException.Invalid($"paths: '{path}' does not exist on the server.");
            }
            string real = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            if (!IsUnder(real, root) || !IsUnder(full, root))
            {
                throw SearchRequestException.Invalid($"paths: '{path}' is outside the allowed root for reindex files (Search:ReindexAllowedRoot).");
            }
            resolved.Add(full);
        }
        return resolved;
    }

    private static bool IsUnder(string path, string root) =>
        string.Equals(path, root, StringComparison.Ordinal) || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string NewId() => "rj-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    private static SearchRequestException NotFound(string id) => new(SearchErrorKind.NotFound, $"No reindex job has id '{id}'.");

    public void Dispose()
    {
        ReindexJob[] active;
        lock (_lock)
        {
            active = [.. _active.Values];
        }
        foreach (ReindexJob job in active)
        {
            job.Cancellation.Cancel();
        }
        _running.Wait(TimeSpan.FromSeconds(30));
    }
}
