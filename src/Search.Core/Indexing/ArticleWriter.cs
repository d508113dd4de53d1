using Search.Core.Ingest;
using Search.Core.Model;

namespace Search.Core.Indexing;

/// <summary>
/// Validates and writes batches: every valid article lands, every invalid one is reported with its position,
/// and the call completes only once the batch is durable (group commit).
/// </summary>
public sealed class ArticleWriter(IndexHost indexes, SearchIndexOptions options)
{
    public async Task<IndexBatchResult> IndexAsync(IReadOnlyList<Article> batch, CancellationToken cancellation)
    {
        var (result, durable) = Write(batch);
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Writes the valid articles now and returns the result together with the task that completes once they are
    /// durable.
    /// </summary>
    /// <param name="batch">The articles in request order.</param>
    /// <param name="rejected">Positions the caller already found invalid (e.g. while mapping), with why.</param>
    public (IndexBatchResult Result, Task Durable) Write(IReadOnlyList<Article> batch, IReadOnlyDictionary<int, string>? rejected = null)
    {
        var (result, pending) = WriteUncommitted(batch, rejected);
        return (result, pending is { } written ? WaitDurableAsync(written.Index, written.FailedFlushesBefore) : Task.CompletedTask);
    }

    /// <summary>
    /// Writes the valid articles without asking for a commit; the caller waits with
    /// <see cref="WaitDurableAsync(ArticleIndex, long)"/> on the returned write (null when nothing was written) before
    /// it acknowledges the batch, so that one commit can cover several batches.
    /// </summary>
    internal (IndexBatchResult Result, PendingWrite? Written) WriteUncommitted(IReadOnlyList<Article> batch, IReadOnlyDictionary<int, string>? rejected)
    {
        if (batch.Count > options.Limits.MaxBatchArticles)
        {
            throw new SearchRequestException(SearchErrorKind.ResourceExhausted,
                $"articles: {batch.Count} in one request is more than the limit of {options.Limits.MaxBatchArticles} (Search:Limits:MaxBatchArticles); split the batch.");
        }
        var valid = new List<Article>(batch.Count);
        var errors = new List<BatchError>();
        for (int i = 0; i < batch.Count; i++)
        {
            Article article = batch[i];
            string? problem = rejected is not null && rejected.TryGetValue(i, out string? early)
                ? early
                : ArticleValidator.Validate(article, options.Limits.MaxArticleBytes);
            if (problem is null)
            {
                valid.Add(article);
            }
            else
            {
                errors.Add(new BatchError(article.Id, i, problem));
            }
        }
        long generation = indexes.Current.CurrentGeneration;
        PendingWrite? written = null;
        if (valid.Count > 0)
        {
            (ArticleIndex index, generation, long failedBefore) = Guard(() => indexes.Upsert(valid));
            written = new PendingWrite(index, failedBefore);
        }
        return (new IndexBatchResult(valid.Count, errors.Count, errors, generation), written);
    }

    public async Task<(int Deleted, long Generation)> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            throw SearchRequestException.Invalid("ids: an id is empty.");
        }
        (int existed, long generation) = (0, indexes.Current.CurrentGeneration);
        if (ids.Count > 0)
        {
            (ArticleIndex index, existed, generation, long failedBefore) = Guard(() => indexes.Delete(ids.ToList()));
            await WaitDurableAsync(index, failedBefore).ConfigureAwait(false);
        }
        return (existed, generation);
    }

    private static T Guard<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Completes once everything written to <paramref name="index"/> so far is committed.</summary>
    /// <param name="failedFlushesBefore">The index's failed-flush count from before the write: a flush failing since
    /// may have discarded it, so the write is refused rather than acknowledged.</param>
    internal static async Task WaitDurableAsync(ArticleIndex index, long failedFlushesBefore)
    {
        try
        {
            await index.WaitDurableAsync(failedFlushesBefore).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw Unavailable(ex);
        }
    }

    private static SearchRequestException Unavailable(Exception ex) => new(
        ex is IOException io && IsDiskFull(io) ? SearchErrorKind.ResourceExhausted : SearchErrorKind.Unavailable,
        $"the index cannot be written right now ({ex.Message}); the batch was not acknowledged, retry later.", ex);

    private static bool IsDiskFull(IOException ex) =>
        ex.HResult == 28 || ex.HResult == unchecked((int)0x80070070) || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A write not yet known to be durable: where it went and that index's failed-flush count before it.</summary>
internal readonly record struct PendingWrite(ArticleIndex Index, long FailedFlushesBefore);

/// <summary>The outcome of a batch.</summary>
public sealed record IndexBatchResult(int Indexed, int Failed, IReadOnlyList<BatchError> Errors, long Generation);

/// <summary>One rejected article: its id, its 0-based position in the batch, and why.</summary>
public sealed record BatchError(string Id, int Index, string Message);
