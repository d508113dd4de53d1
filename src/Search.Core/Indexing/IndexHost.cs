namespace Search.Core.Indexing;

/// <summary>
/// Owns the live index generation. Readers take <see cref="Current"/> once per request; a reindex swaps in a new
/// generation atomically, and requests in flight finish on the one they took.
/// </summary>
public sealed class IndexHost : IDisposable
{
    private ArticleIndex _current;

    public IndexHost(ArticleIndex initial)
    {
        _current = initial;
    }

    public ArticleIndex Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="next"/> live and returns the previous generation (the caller closes it).</summary>
    public ArticleIndex Swap(ArticleIndex next) => Interlocked.Exchange(ref _current, next);

    public void Dispose() => Current.Dispose();
}
