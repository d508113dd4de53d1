using Search.Core.Model;

namespace Search.Core.Indexing;

/// <summary>
/// Owns the live index generation under the index root. Each generation lives in its own folder
/// (<c>g-000001</c>, ...); the file <c>CURRENT</c> names the live one and is replaced atomically, so which
/// generation is live survives a crash. Readers take <see cref="Current"/> once per request; a reindex swaps in
/// a new generation atomically, and requests in flight finish on the one they took.
/// </summary>
public sealed class IndexHost : IDisposable
{
    private const string CurrentFile = "CURRENT";
    private const string GenerationPrefix = "g-";

    // Writes hold the gate shared only for the synchronous part of a write (handing documents to the
    // IndexWriter); a swap holds it exclusively for the final catch-up, so no acknowledged write can fall
    // between the old generation and the new one. Searches never touch it.
    private readonly ReaderWriterLockSlim _writeGate = new(LockRecursionPolicy.NoRecursion);
    private ArticleIndex _current;
    private RebuildWriteTracker? _tracker;

    private IndexHost(string root, ArticleIndex initial)
    {
        Root = root;
        _current = initial;
    }

    /// <summary>The index root folder (Search:IndexPath).</summary>
    public string Root { get; }

    public ArticleIndex Current => Volatile.Read(ref _current);

    /// <summary>
    /// Opens the live generation named by CURRENT (creating the first one in an empty root) and removes folders of
    /// generations that are not live: partial rebuilds left by a crash, or old generations not yet deleted.
    /// </summary>
    public static IndexHost Open(string root, Func<string, ArticleIndex> openGeneration)
    {
        Directory.CreateDirectory(root);
        string currentPath = Path.Combine(root, CurrentFile);
        string name = File.Exists(currentPath) ? File.ReadAllText(currentPath).Trim() : "";
        if (name.Length == 0 || !Directory.Exists(Path.Combine(root, name)))
        {
            if (name.Length > 0)
            {
                throw new IndexOpenException($"'{currentPath}' names generation '{name}', which does not exist. Restore the folder or delete CURRENT to start an empty index.");
            }
            name = GenerationName(1);
            WriteCurrent(root, name);
        }
        ArticleIndex index = openGeneration(Path.Combine(root, name));
        foreach (string stray in Directory.EnumerateDirectories(root, GenerationPrefix + "*"))
        {
            if (!string.Equals(Path.GetFileName(stray), name, StringComparison.Ordinal))
            {
                TryDeleteDirectory(stray);
            }
        }
        return new IndexHost(root, index);
    }

    /// <summary>
    /// Leases a searcher on the live generation. A request that read <see cref="Current"/> just before a swap
    /// closed that generation retries on the new one instead of failing.
    /// </summary>
    public (ArticleIndex Index, SearcherLease Lease) AcquireLive()
    {
        for (int attempt = 0; ; attempt++)
        {
            ArticleIndex index = Current;
            try
            {
                return (index, index.AcquireSearcher());
            }
            catch (ObjectDisposedException) when (attempt < 3 && !ReferenceEquals(index, Current))
            {
            }
        }
    }

    /// <summary>A new, empty folder for the next generation.</summary>
    public string NewGenerationPath()
    {
        int highest = Directory.EnumerateDirectories(Root, GenerationPrefix + "*")
            .Select(d => int.TryParse(Path.GetFileName(d)[GenerationPrefix.Length..], out int n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        string path = Path.Combine(Root, GenerationName(highest + 1));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Upserts into the live generation; returns the generation written to and its failed-flush count from just
    /// before the write, for the durability wait.
    /// </summary>
    public (ArticleIndex Index, long Generation, long FailedFlushesBefore) Upsert(IReadOnlyList<Article> articles)
    {
        _writeGate.EnterReadLock();
        try
        {
            ArticleIndex index = Current;
            long failedBefore = index.FailedFlushes;
            long generation = index.Upsert(articles);
            Volatile.Read(ref _tracker)?.Record(articles.Select(a => a.Id));
            return (index, generation, failedBefore);
        }
        finally
        {
            _writeGate.ExitReadLock();
        }
    }

    /// <summary>Deletes from the live generation; returns how many existed, and as <see cref="Upsert"/>.</summary>
    public (ArticleIndex Index, int Existed, long Generation, long FailedFlushesBefore) Delete(IReadOnlyCollection<string> ids)
    {
        _writeGate.EnterReadLock();
        try
        {
            ArticleIndex index = Current;
            long failedBefore = index.FailedFlushes;
            var (existed, generation) = index.Delete(ids);
            Volatile.Read(ref _tracker)?.Record(ids);
            return (index, existed, generation, failedBefore);
        }
        finally
        {
            _writeGate.ExitReadLock();
        }
    }

    /// <summary>Starts recording the ids written to the live generation, for a rebuild to catch up on.</summary>
    public RebuildWriteTracker BeginTracking()
    {
        var tracker = new RebuildWriteTracker();
        if (Interlocked.CompareExchange(ref _tracker, tracker, null) is not null)
        {
            throw new InvalidOperationException("A rebuild is already tracking writes.");
        }
        return tracker;
    }

    public void EndTracking(RebuildWriteTracker tracker) => Interlocked.CompareExchange(ref _tracker, null, tracker);

    /// <summary>
    /// With writes held back: runs <paramref name="finalCatchUp"/> (the last writes reach the new generation, which
    /// is then validated), records the new generation as live in CURRENT, and swaps it in. Returns the previous
    /// generation, which the caller closes and deletes. If the catch-up throws, nothing changes.
    /// </summary>
    public ArticleIndex SwapAfter(ArticleIndex next, Action finalCatchUp)
    {
        _writeGate.EnterWriteLock();
        try
        {
            finalCatchUp();
            next.RaiseBaseGeneration(Current.CurrentGeneration);
            WriteCurrent(Root, Path.GetFileName(next.Path));
            return Interlocked.Exchange(ref _current, next);
        }
        finally
        {
            _writeGate.ExitWriteLock();
        }
    }

    public static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next start, which removes every folder that is not the live generation.
        }
    }

    private static string GenerationName(int number) => GenerationPrefix + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replaces CURRENT atomically: write a temporary file, flush it to disk, rename over.</summary>
    private static void WriteCurrent(string root, string name)
    {
        string temp = Path.Combine(root, CurrentFile + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(root, CurrentFile), overwrite: true);
    }

    public void Dispose()
    {
        Current.Dispose();
        _writeGate.Dispose();
    }
}
