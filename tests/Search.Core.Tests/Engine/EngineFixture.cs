using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Querying;
using Search.Core.Schema;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Tests.Engine;

/// <summary>The whole engine wired as the server wires it, on a temporary index root.</summary>
internal sealed class EngineFixture : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="root">The index root; a new temporary folder if null.</param>
    /// <param name="settings">Configuration overrides.</param>
    /// <param name="wrapDirectory">Wraps each generation's Lucene directory (tests that make the disk fail).</param>
    /// <param name="indexLog">Where the index logs, with <paramref name="wrapDirectory"/>.</param>
    public EngineFixture(string? root = null, IDictionary<string, string?>? settings = null,
        Func<LuceneDirectory, LuceneDirectory>? wrapDirectory = null, ILogger? indexLog = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "search-engine-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Search:IndexPath"] = Root,
            ["Search:RefreshInterval"] = "00:00:00.050",
            ["Search:RamBufferMb"] = "16",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (wrapDirectory is not null)
        {
            // Registered first, so AddSearchCore keeps this index host instead of adding its own.
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<SearchIndexOptions>();
                var mapper = sp.GetRequiredService<ArticleDocumentMapper>();
                return IndexHost.Open(options.IndexPath, path => ArticleIndex.Open(path, mapper, options, 0, wrapDirectory, indexLog));
            });
        }
        _services = services.AddSearchCore(configuration, Path.GetTempPath()).BuildServiceProvider();
        Host = Get<IndexHost>();
    }

    public string Root { get; }

    public IndexHost Host { get; }

    public ArticleWriter Writer => Get<ArticleWriter>();

    public ArticleSearcher Searcher => Get<ArticleSearcher>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Indexes and waits until the batch is visible (read-your-writes).</summary>
    public IndexBatchResult Index(IReadOnlyList<Article> articles)
    {
        IndexBatchResult result = Writer.IndexAsync(articles, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(Host.Current.WaitForGeneration(result.Generation, TimeSpan.FromSeconds(10)));
        return result;
    }

    /// <summary>Deletes and waits until the deletion is visible.</summary>
    public int Delete(params string[] ids)
    {
        var (deleted, generation) = Writer.DeleteAsync(ids, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(Host.Current.WaitForGeneration(generation, TimeSpan.FromSeconds(10)));
        return deleted;
    }

    public SearchResult Search(SearchQuery query) => Searcher.Search(query, CancellationToken.None);

    /// <summary>Every hit of a query, walking the pages with next_page_token.</summary>
    public List<SearchHit> SearchAll(SearchQuery query, out long totalHits)
    {
        var hits = new List<SearchHit>();
        string token = "";
        totalHits = -1;
        for (int page = 0; page < 10_000; page++)
        {
            SearchResult result = Search(query with { PageToken = token });
            totalHits = result.TotalHits;
            hits.AddRange(result.Hits);
            token = result.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }
        return hits;
    }

    /// <summary>Closes the engine (final commit) but keeps the files, for reopen tests.</summary>
    public void Close() => _services.Dispose();

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
