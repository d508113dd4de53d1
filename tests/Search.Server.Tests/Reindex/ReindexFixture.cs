using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Reindex;

/// <summary>
/// A server holding <see cref="ArticleCount"/> synthetic articles, with reindex files allowed under
/// <see cref="AllowedRoot"/> only. Shared by the reindex test classes (one collection, run one after another), so
/// every test waits for the jobs it starts and none writes articles.
/// </summary>
public sealed class ReindexFixture : IAsyncLifetime
{
    /// <summary>Enough that a rebuild takes far longer than a round trip, so a second start meets the first running.</summary>
    public const int ArticleCount = 8000;

    private readonly TempDirectory _root = new();
    private SearchServer? _server;

    public string IndexPath => Path.Combine(_root.Path, "index");

    public string AllowedRoot => Path.Combine(_root.Path, "allowed");

    public SearchServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public ReindexService.ReindexServiceClient Reindex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(AllowedRoot);
        _server = await SearchServer.StartAsync(IndexPath, "", $"--Search:ReindexAllowedRoot={AllowedRoot}");
        Reindex = new ReindexService.ReindexServiceClient(_server.Channel);
        await SyntheticArticles.IndexAsync(_server.Index, _server.Search, ArticleCount);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _root.Dispose();
    }
}

/// <summary>The reindex classes share one seeded server and must not run at the same time.</summary>
[CollectionDefinition(Name)]
public sealed class ReindexCollection : ICollectionFixture<ReindexFixture>
{
    public const string Name = "Reindex";
}
