using Microsoft.Extensions.Options;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Ingest;

namespace Search.Server.Hosting;

/// <summary>
/// Opens the index before the server listens (a locked or corrupt index stops the start with a clear error),
/// loads the bundled sample articles into an empty index, and commits and closes the index on shutdown after
/// the server has drained its requests.
/// </summary>
internal sealed partial class IndexLifetimeService(
    IServiceProvider services,
    IOptions<SearchIndexOptions> options,
    ILogger<IndexLifetimeService> logger) : IHostedService
{
    private Core.Reindexing.ReindexCoordinator? _reindex;

    public IndexHost? Host { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IndexHost host = services.GetRequiredService<IndexHost>();
        ArticleIndex index = host.Current;
        long articles = index.GetStats().ArticleCount;
        LogOpened(logger, index.Path, articles, index.CurrentGeneration);
        await SeedIfEmptyAsync(index, cancellationToken);
        // Loading the job history marks a rebuild interrupted by a crash as failed.
        _reindex = services.GetRequiredService<Core.Reindexing.ReindexCoordinator>();
        Host = host;
    }

    private async Task SeedIfEmptyAsync(ArticleIndex index, CancellationToken cancellationToken)
    {
        string seedPath = options.Value.SeedPath;
        if (string.IsNullOrEmpty(seedPath) || index.GetStats().ArticleCount > 0)
        {
            return;
        }
        if (!Directory.Exists(seedPath) && !File.Exists(seedPath))
        {
            LogSeedMissing(logger, seedPath);
            return;
        }
        var readerOptions = new ArticleReaderOptions { MaxArticleBytes = options.Value.Limits.MaxArticleBytes, DefaultSource = options.Value.DefaultSource };
        var articles = new List<Core.Model.Article>();
        foreach (IngestRecord record in ArticleFileReader.Read([seedPath], readerOptions))
        {
            if (record.Article is { } article)
            {
                articles.Add(article);
            }
            else if (record.Error is { } error)
            {
                LogSeedSkipped(logger, error.Location, error.Message);
            }
        }
        var writer = services.GetRequiredService<ArticleWriter>();
        int indexed = 0;
        long generation = 0;
        // The writer refuses batches above MaxBatchArticles; a small configured limit must not stop the start.
        foreach (var chunk in articles.Chunk(Math.Max(1, options.Value.Limits.MaxBatchArticles)))
        {
            IndexBatchResult result = await writer.IndexAsync(chunk, cancellationToken);
            indexed += result.Indexed;
            generation = result.Generation;
        }
        // Durable is not yet searchable: without this wait the server reports SERVING while searches still see
        // an empty index until the next near-real-time refresh.
        index.WaitForGeneration(generation, options.Value.MinGenerationWait);
        string fullPath = Path.GetFullPath(seedPath);
        LogSeeded(logger, indexed, fullPath);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Kestrel has drained requests by now: a running rebuild is cancelled (its partial generation removed),
        // then closing the index commits whatever is left and releases the lock.
        _reindex?.Dispose();
        Host?.Dispose();
        LogClosed(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened index at '{IndexPath}' with {ArticleCount} articles (generation {Generation}).")]
    private static partial void LogOpened(ILogger logger, string indexPath, long articleCount, long generation);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Loaded {Count} sample articles from '{SeedPath}' into the empty index.")]
    private static partial void LogSeeded(ILogger logger, int count, string seedPath);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sample article skipped at {Location}: {Message}")]
    private static partial void LogSeedSkipped(ILogger logger, string location, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "No sample articles at '{SeedPath}'; starting with an empty index.")]
    private static partial void LogSeedMissing(ILogger logger, string seedPath);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Index committed and closed.")]
    private static partial void LogClosed(ILogger logger);
}
