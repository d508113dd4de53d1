using System.Globalization;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Analysis;
using Search.Core.Model;
using Search.Core.Schema;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// One index generation on disk: the single IndexWriter, the near-real-time SearcherManager refreshed by our
/// own refresh loop, and group commit. Generations handed to clients are
/// <c>base + TrackingIndexWriter generation</c>, where <c>base</c> is the generation stored in the last commit,
/// so they only grow across restarts.
/// </summary>
public sealed class ArticleIndex : IDisposable
{
    internal const string GenerationKey = "search.generation";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly TrackingIndexWriter _tracking;
    private readonly SearcherManager _searchers;
    private readonly NearRealTimeRefresher _reopener;
    private readonly GroupCommitter _committer;
    private readonly IdleCompactor _compactor;
    private readonly ArticleDocumentMapper _mapper;
    private long _baseGeneration;
    private int _disposed;
    private long _acknowledgedTracking;
    private long _failedFlushes;
    private Exception? _lastFlushFailure;

    private ArticleIndex(string path, LuceneDirectory directory, IndexWriter writer, ArticleDocumentMapper mapper, long baseGeneration,
        SearchIndexOptions options, ILogger logger)
    {
        Path = path;
        Log = logger;
        _directory = directory;
        _writer = writer;
        _mapper = mapper;
        _baseGeneration = baseGeneration;
        _tracking = new TrackingIndexWriter(writer);
        _searchers = new SearcherManager(writer, applyAllDeletes: true, new ArticleSearcherFactory(options.ParallelSearchMinDocs));
        _committer = new GroupCommitter(writer, () => new Dictionary<string, string>
        {
            [GenerationKey] = CurrentGeneration.ToString(CultureInfo.InvariantCulture),
        }, NoteFailedFlush);
        // Refreshes within the refresh interval of each commit, and at once for a reader waiting on min_generation.
        // Finished merges wait for the next commit: refreshing (and committing) after each one doubled search latency
        // and made deletes five times slower in the load benchmark with concurrent writes.
        _reopener = new NearRealTimeRefresher(_tracking, _searchers, options.RefreshInterval, () => _committer.Commits, NoteFailedFlush, logger);
        _compactor = new IdleCompactor(writer, options.IdleCompactionDelay, () => _committer.Commits, _committer.WaitDurableAsync, SegmentSizes,
            NoteFailedFlush, logger);
    }

    /// <summary>Where this generation logs (a rebuild's new generation logs where the live one does).</summary>
    internal ILogger Log { get; }

    /// <summary>
    /// How many times writing to the index failed: a refresh, a commit or a write's own flush. When a flush fails
    /// Lucene discards the documents it was flushing, which may belong to other writers still waiting for their
    /// commit, so a write is acknowledged only if this did not change between its start and its commit.
    /// </summary>
    public long FailedFlushes => Interlocked.Read(ref _failedFlushes);

    /// <summary>Absolute path of the index directory.</summary>
    public string Path { get; }

    public ArticleDocumentMapper Mapper => _mapper;

    /// <summary>The newest generation handed to a writer.</summary>
    public long CurrentGeneration => Interlocked.Read(ref _baseGeneration) + _tracking.Generation;

    /// <summary>
    /// The newest generation returned by a write. Unlike <see cref="CurrentGeneration"/>, which the reopen thread
    /// bumps before each refresh, it does not run ahead of what any writer was told, so once idle it is searchable.
    /// </summary>
    public long AcknowledgedGeneration => Interlocked.Read(ref _baseGeneration) + Interlocked.Read(ref _acknowledgedTracking);

    /// <summary>The generation that searches currently see.</summary>
    public long SearchableGeneration => Interlocked.Read(ref _baseGeneration) + _reopener.SearchingGeneration;

    public DateTimeOffset? LastCommit => _committer.LastCommit;

    /// <summary>
    /// Opens (or creates) the index at <paramref name="path"/>. A locked or corrupt index throws
    /// <see cref="IndexOpenException"/> with a message that says what to do.
    /// </summary>
    public static ArticleIndex Open(string path, ArticleDocumentMapper mapper, SearchIndexOptions options, long minimumBaseGeneration = 0, ILogger? logger = null) =>
        Open(path, mapper, options, minimumBaseGeneration, wrapDirectory: null, logger);

    /// <summary>
    /// As <see cref="Open(string, ArticleDocumentMapper, SearchIndexOptions, long, ILogger)"/>, with the directory wrapped
    /// (tests wrap it in one whose writes fail, to see how a full disk is handled).
    /// </summary>
    internal static ArticleIndex Open(string path, ArticleDocumentMapper mapper, SearchIndexOptions options, long minimumBaseGeneration,
        Func<LuceneDirectory, LuceneDirectory>? wrapDirectory, ILogger? logger = null)
    {
        System.IO.Directory.CreateDirectory(path);
        // Mapped reads through a pointer, stored fields by positional reads: faster than Lucene.NET's MMapDirectory
        // and NIOFSDirectory for the small random reads a search makes (see MappedDirectory).
        LuceneDirectory directory = new Storage.MappedDirectory(new DirectoryInfo(path));
        directory = wrapDirectory is null ? directory : wrapDirectory(directory);
        try
        {
            var config = new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = options.RamBufferMb,
                Similarity = new BM25Similarity(),
                // Fail fast on a locked index instead of waiting: a second server on the same folder is an error.
                WriteLockTimeout = 0,
                // Compound files would copy every flushed and merged segment once more; the index has few segments,
                // so the file handles they save do not matter.
                UseCompoundFile = false,
                MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
            };
            var writer = new IndexWriter(directory, config);
            long committed = ReadCommittedGeneration(writer);
            return new ArticleIndex(path, directory, writer, mapper, Math.Max(committed, minimumBaseGeneration), options,
                logger ?? NullLogger.Instance);
        }
        catch (LockObtainFailedException ex)
        {
            directory.Dispose();
            throw new IndexOpenException($"The index at '{path}' is locked by another process (write.lock). Stop the other server or choose another index path.", ex);
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException or IOException)
        {
            directory.Dispose();
            throw new IndexOpenException($"The index at '{path}' cannot be opened: {ex.Message}. Restore it from a backup, or move it away to start an empty index.", ex);
        }
    }

    private static long ReadCommittedGeneration(IndexWriter writer)
    {
        var data = writer.CommitData;
        return data is not null && data.TryGetValue(GenerationKey, out string? value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long g) ? g : 0;
    }

    /// <summary>
    /// Upserts articles by id; within the batch a later duplicate wins. Not yet durable. Large batches are
    /// analysed and added on every core: IndexWriter takes documents from many threads at once, and once
    /// duplicates are dropped the order of distinct ids does not matter.
    /// </summary>
    public long Upsert(IReadOnlyList<Article> articles)
    {
        try
        {
            return UpsertAll(articles);
        }
        catch (Exception ex) when (NearRealTimeRefresher.IsWriteFailure(ex))
        {
            NoteFailedFlush(ex);
            throw;
        }
        catch (AggregateException ex) when (ex.InnerExceptions is [var first, ..] && NearRealTimeRefresher.IsWriteFailure(first))
        {
            // From the parallel path: the first failure, as the sequential path would have thrown it.
            NoteFailedFlush(first);
            ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    private long UpsertAll(IReadOnlyList<Article> articles)
    {
        long baseGeneration = Interlocked.Read(ref _baseGeneration);
        long tracking = _tracking.Generation;
        if (articles.Count < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            foreach (Article article in articles)
            {
                tracking = Math.Max(tracking, UpsertOne(article));
            }
        }
        else
        {
            var lastById = new Dictionary<string, Article>(articles.Count, StringComparer.Ordinal);
            foreach (Article article in articles)
            {
                lastById[article.Id] = article;
            }
            object gate = new();
            Parallel.ForEach(
                lastById.Values,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => 0L,
                (article, _, highest) => Math.Max(highest, UpsertOne(article)),
                highest =>
                {
                    lock (gate)
                    {
                        tracking = Math.Max(tracking, highest);
                    }
                });
        }
        long generation = baseGeneration + tracking;
        Acknowledge(generation);
        return generation;
    }

    private const int ParallelThreshold = 64;

    private long UpsertOne(Article article) =>
        _tracking.UpdateDocument(new Term(ArticleFields.Id, article.Id), _mapper.ToDocument(article));

    /// <summary>Deletes by id; returns how many of the ids existed just before. Not yet durable.</summary>
    public (int Existed, long Generation) Delete(IReadOnlyCollection<string> ids)
    {
        // Refresh first so ids written a moment ago count as existing.
        _reopener.RefreshNow();
        int existed = 0;
        var searcher = _searchers.Acquire();
        try
        {
            foreach (string id in ids.Distinct(StringComparer.Ordinal))
            {
                if (searcher.IndexReader.DocFreq(new Term(ArticleFields.Id, id)) > 0)
                {
                    existed++;
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
        long generation = CurrentGeneration;
        var terms = ids.Select(id => new Term(ArticleFields.Id, id)).ToArray();
        if (terms.Length > 0)
        {
            try
            {
                generation = Interlocked.Read(ref _baseGeneration) + _tracking.DeleteDocuments(terms);
            }
            catch (Exception ex) when (NearRealTimeRefresher.IsWriteFailure(ex))
            {
                NoteFailedFlush(ex);
                throw;
            }
            Acknowledge(generation);
        }
        return (existed, generation);
    }

    /// <summary>
    /// Makes every generation this index reports from now on greater than <paramref name="previous"/>, the last
    /// generation of the index it replaces, so generations only grow across a swap.
    /// </summary>
    public void RaiseBaseGeneration(long previous)
    {
        long wanted = previous + 1;
        long current;
        while ((current = Interlocked.Read(ref _baseGeneration)) < wanted
            && Interlocked.CompareExchange(ref _baseGeneration, wanted, current) != current)
        {
        }
    }

    private void Acknowledge(long generation)
    {
        long tracking = generation - Interlocked.Read(ref _baseGeneration);
        long current;
        while ((current = Interlocked.Read(ref _acknowledgedTracking)) < tracking
            && Interlocked.CompareExchange(ref _acknowledgedTracking, tracking, current) != current)
        {
        }
    }

    /// <summary>Makes every change so far visible to searches now.</summary>
    public void RefreshBlocking() => _reopener.RefreshNow();

    /// <summary>Commits now (a rebuild's checkpoints; normal writes use group commit).</summary>
    public void Commit() => _committer.CommitNow();

    /// <summary>
    /// Completes when every change made before the call is durably committed (group commit). Throws IOException
    /// if writing failed since <paramref name="failedFlushesBefore"/> (<see cref="FailedFlushes"/> read before the
    /// write began): Lucene may have discarded the write's documents, and the commit would not show it.
    /// </summary>
    public async Task WaitDurableAsync(long failedFlushesBefore)
    {
        await _committer.WaitDurableAsync().ConfigureAwait(false);
        // A refresh whose flush failed before this commit may still be unwinding; wait until it has been counted.
        // It holds this thread at most for the rest of one refresh.
        _reopener.Settle();
        if (FailedFlushes != failedFlushesBefore)
        {
            Exception? cause = Volatile.Read(ref _lastFlushFailure);
            throw new IOException($"writing to the index failed while this write was waiting for its commit ({cause?.Message})", cause);
        }
    }

    private void NoteFailedFlush(Exception ex)
    {
        Volatile.Write(ref _lastFlushFailure, ex);
        Interlocked.Increment(ref _failedFlushes);
    }

    /// <summary>Waits until <paramref name="generation"/> is visible to searches; false on timeout.</summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout)
    {
        long tracking = generation - Interlocked.Read(ref _baseGeneration);
        if (tracking <= 0)
        {
            return true;
        }
        if (tracking > _tracking.Generation)
        {
            // A generation this index never handed out (e.g. from another server): it will never be visible.
            return false;
        }
        return _reopener.WaitForGeneration(tracking, timeout);
    }

    /// <summary>True while segments are merging, or a compaction is due once writes go quiet (see <see cref="IdleCompactor"/>).</summary>
    public bool Merging => _compactor.Pending || _writer.HasPendingMerges() || _writer.MergingSegments.Count > 0;

    private List<long> SegmentSizes()
    {
        using var lease = AcquireSearcher();
        return lease.Searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader is SegmentReader segment ? segment.SegmentInfo.GetSizeInBytes() : 0L).ToList();
    }

    /// <summary>Leases the current searcher; dispose the lease to release it.</summary>
    public SearcherLease AcquireSearcher() => new(_searchers);

    /// <summary>Size and shape of the index as searches see it now.</summary>
    public IndexSnapshotStats GetStats()
    {
        using var lease = AcquireSearcher();
        return IndexStatsReader.Read(lease.Searcher.IndexReader, _directory, LastCommit);
    }

    /// <summary>Closes without committing pending changes (a cancelled or failed rebuild); safe after Dispose.</summary>
    public void Abandon()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _compactor.Dispose();
        _committer.Abandon();
        _reopener.Dispose();
        _searchers.Dispose();
        _writer.Rollback();
        _directory.Dispose();
    }

    /// <summary>Makes everything durable and closes; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _compactor.Dispose();
        try
        {
            // Commits what is pending and answers writers still waiting for durability.
            _committer.Dispose();
        }
        finally
        {
            _reopener.Dispose();
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }
    }
}
