using Google.Protobuf.WellKnownTypes;
using Search.Contracts.V1;
using Search.Server.Tests.Infrastructure;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// A server holding tens of thousands of tiny synthetic articles (seeded), big enough that a query OR-ing many
/// words with every facet takes noticeably long, for deadline and cancellation tests.
/// </summary>
public sealed class LargeIndexFixture : IAsyncLifetime
{
    public const int ArticleCount = 30_000;
    public const int VocabularySize = 400;
    private const int Seed = 777;
    private const int BatchSize = 2_500;

    private readonly TempDirectory _root = new();
    private SearchServer? _server;

    public SearchServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Words of the synthetic articles: "lex0" … "lex399".</summary>
    public static string Word(int i) => "lex" + i;

    public async Task InitializeAsync()
    {
        _server = await SearchServer.StartAsync(Path.Combine(_root.Path, "index"), "");
        var random = new Random(Seed);
        long generation = 0;
        for (int start = 0; start < ArticleCount; start += BatchSize)
        {
            var request = new IndexArticlesRequest();
            for (int i = start; i < start + BatchSize; i++)
            {
                request.Articles.Add(Synthetic(i, random));
            }
            generation = (await _server.Index.IndexArticlesAsync(request)).Generation;
        }
        // Searchable before any test runs, so tests time only searches.
        await _server.Search.SearchAsync(new SearchRequest { MinGeneration = generation, PageSize = 1 });
    }

    private static Article Synthetic(int i, Random random)
    {
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(random.Next(VocabularySize))));
        var article = new Article
        {
            Id = "syn-" + i,
            Title = Words(5),
            Body = Words(25),
            Source = "Source " + random.Next(20),
            Author = "Author " + random.Next(100),
            Published = Timestamp.FromDateTimeOffset(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 365 * 9))),
        };
        article.Tags.Add("tag" + random.Next(50));
        article.Tags.Add("tag" + random.Next(50));
        return article;
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
