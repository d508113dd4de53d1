using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Core.Reindexing;

/// <summary>
/// Builds a new generation beside the live one, catches up on the writes made meanwhile (from the live index,
/// the truth for acknowledged writes), validates it, and swaps it in. Any failure or cancellation removes the
/// partial generation and leaves the live one untouched.
/// </summary>
internal sealed class ReindexRunner(IndexHost host, SearchIndexOptions options, ReindexJob job)
{
    private const int BatchSize = 1000;
    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);
    private long _expectedDelta;

    public void Run()
    {
        CancellationToken cancellation = job.Cancellation.Token;
        string path = host.NewGenerationPath();
        ArticleIndex? next = null;
        RebuildWriteTracker? tracker = null;
        bool swapped = false;
        (ReindexState State, string Message)? outcome = null;
        try
        {
            job.SetState(ReindexState.Running, "Building a new generation.");
            var extractor = new OrganisationExtractor(Gazetteer.Load(options.GazetteerPath.Length == 0 ? null : options.GazetteerPath));
            next = ArticleIndex.Open(path, new ArticleDocumentMapper(extractor), options, host.Current.CurrentGeneration + 1, host.Current.Log);
            tracker = host.BeginTracking();
            Copy(next, cancellation);
            CatchUp(next, tracker);
            next.Commit();
            cancellation.ThrowIfCancellationRequested();

            ArticleIndex newIndex = next;
            job.SetState(ReindexState.Validating, "Catching up on the last writes and validating the new generation.");
            ArticleIndex old = host.SwapAfter(newIndex, () =>
            {
                cancellation.ThrowIfCancellationRequested();
                CatchUp(newIndex, tracker);
                newIndex.Commit();
                Validate(newIndex);
                job.SetState(ReindexState.Swapping, "Swapping the new generation in.");
                // The first search after the swap must see the whole new generation, not its last refresh.
                newIndex.RefreshBlocking();
            });
            swapped = true;
            host.EndTracking(tracker);
            old.Dispose();
            // Searches still holding the old generation keep reading its open files; on Linux and macOS deleting
            // them is safe now, elsewhere the next start removes what could not be deleted.
            IndexHost.TryDeleteDirectory(old.Path);
            job.SetState(ReindexState.Succeeded,
                $"Rebuilt {newIndex.GetStats().ArticleCount} articles; generation {Path.GetFileName(newIndex.Path)} is live.", newIndex.CurrentGeneration);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            outcome = (ReindexState.Cancelled, "Cancelled; the partial generation was removed and the live index is unchanged.");
        }
        catch (Exception ex)
        {
            outcome = (ReindexState.Failed, $"Failed: {ex.Message} The live index is unchanged.");
        }
        finally
        {
            try
            {
                if (tracker is not null && !swapped)
                {
                    host.EndTracking(tracker);
                }
                if (!swapped)
                {
                    next?.Abandon();
                    IndexHost.TryDeleteDirectory(path);
                }
            }
            finally
            {
                // Reported only after the clean-up, so whoever sees the job end also sees the partial generation gone.
                if (outcome is { } end)
                {
                    job.SetState(end.State, end.Message);
                }
            }
        }
    }

    private void Copy(ArticleIndex next, CancellationToken cancellation)
    {
        ReindexRequest request = job.Snapshot.Request;
        bool readLive = request.Source == ReindexSourceKind.LiveIndex
            || request.Source == ReindexSourceKind.LiveIndexAndFiles
            || (request.Source == ReindexSourceKind.Files && !request.Replace);
        var fileOptions = new ArticleReaderOptions { MaxArticleBytes = options.Limits.MaxArticleBytes, DefaultSource = options.DefaultSource };
        if (readLive)
        {
            // Tracking began before this refresh, so every write is either visible to the searcher taken next or
            // caught up on later. Without it, articles acknowledged within the last refresh interval were in
            // neither and the rebuild silently dropped them.
            host.Current.RefreshBlocking();
        }
        var (_, lease) = host.AcquireLive();
        using var held = lease;
        var source = new ReindexSourceReader(request, readLive ? lease.Searcher : null, fileOptions);
        job.SetTotal(source.CountTotal());

        var batch = new List<Article>(BatchSize);
        long processed = 0;
        foreach (IngestRecord record in source.Read(cancellation))
        {
            processed++;
            if (record.Article is { } article && ArticleValidator.Validate(article, options.Limits.MaxArticleBytes) is not { } problem)
            {
                batch.Add(article);
                _sourceIds.Add(article.Id);
            }
            else
            {
                string message = record.Error?.Message ?? ArticleValidator.Validate(record.Article!, options.Limits.MaxArticleBytes) ?? "invalid";
                string where = record.Error?.Location ?? $"article #{processed}";
                job.ReportError(new ReindexError(record.Error?.Id ?? record.Article?.Id ?? "", (int)Math.Min(processed - 1, int.MaxValue), $"{where}: {message}"));
            }
            if (batch.Count == BatchSize)
            {
                next.Upsert(batch);
                batch.Clear();
                job.ReportProgress(processed);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        if (batch.Count > 0)
        {
            next.Upsert(batch);
        }
        job.ReportProgress(processed);
    }

    /// <summary>
    /// Brings the ids written to the live generation since the rebuild began into the new one, reading their
    /// current state from the live index (taken before the refresh, so every write of a taken id is seen), and
    /// keeps the expected article count in step.
    /// </summary>
    private void CatchUp(ArticleIndex next, RebuildWriteTracker tracker)
    {
        List<string> ids = tracker.Take();
        if (ids.Count == 0)
        {
            return;
        }
        ArticleIndex live = host.Current;
        live.RefreshBlocking();
        next.RefreshBlocking();
        using SearcherLease liveLease = live.AcquireSearcher();
        using SearcherLease nextLease = next.AcquireSearcher();
        var upserts = new List<Article>();
        var deletes = new List<string>();
        var liveArticles = new IndexedArticleReader(liveLease.Searcher.IndexReader);
        foreach (string id in ids)
        {
            var term = new Term(ArticleFields.Id, id);
            bool inNext = nextLease.Searcher.IndexReader.DocFreq(term) > 0;
            TopDocs found = liveLease.Searcher.Search(new TermQuery(term), 1);
            if (found.TotalHits > 0)
            {
                upserts.Add(liveArticles.ReadSource(found.ScoreDocs[0].Doc));
                _expectedDelta += inNext ? 0 : 1;
            }
            else
            {
                deletes.Add(id);
                _expectedDelta -= inNext ? 1 : 0;
            }
        }
        if (upserts.Count > 0)
        {
            next.Upsert(upserts);
        }
        if (deletes.Count > 0)
        {
            next.Delete(deletes);
        }
    }

    /// <summary>
    /// The new generation must hold exactly the distinct valid source articles adjusted by the writes caught up
    /// on, and a reader opened on its last commit must answer a query with that count.
    /// </summary>
    private void Validate(ArticleIndex next)
    {
        long expected = _sourceIds.Count + _expectedDelta;
        using var directory = Lucene.Net.Store.FSDirectory.Open(next.Path);
        using var reader = DirectoryReader.Open(directory);
        int counted = new IndexSearcher(reader).Search(new MatchAllDocsQuery(), 1).TotalHits;
        if (reader.NumDocs != expected || counted != expected)
        {
            throw new InvalidOperationException(
                $"Validation failed: the new generation has {reader.NumDocs} articles ({counted} found by a query) but {expected} were expected.");
        }
    }
}
