using Grpc.Core;
using Search.Contracts.V1;

namespace Search.Server.Tests.Hardening;

/// <summary>
/// The articles a server acknowledged (their batch's response arrived), each with a word that only its title
/// has, and the checks that every one of them is retrievable and searchable.
/// </summary>
public sealed class AcknowledgedArticles
{
    private readonly Lock _gate = new();
    private readonly List<(string Id, string Word)> _articles = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _articles.Count;
            }
        }
    }

    /// <summary>An article whose title carries <paramref name="word"/>; the body pads it so flushes come often.</summary>
    public static Article Create(string id, string word, string padding) =>
        new() { Id = id, Title = $"Crash test {word}", Body = padding, Source = "Crash Wire" };

    public void Add(IEnumerable<Article> batch)
    {
        lock (_gate)
        {
            _articles.AddRange(batch.Select(a => (a.Id, a.Title["Crash test ".Length..])));
        }
    }

    public List<(string Id, string Word)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _articles];
        }
    }

    /// <summary>GetArticle finds each one, and an OR of their unique title words matches exactly that many.</summary>
    public static async Task AssertAllPresentAsync(SearchService.SearchServiceClient search, IReadOnlyList<(string Id, string Word)> articles, string context)
    {
        using var limiter = new SemaphoreSlim(16);
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(articles.Select(async a =>
        {
            await limiter.WaitAsync();
            try
            {
                Article got = await search.GetArticleAsync(new GetArticleRequest { Id = a.Id });
                if (!got.Title.EndsWith(a.Word, StringComparison.Ordinal))
                {
                    missing.Add(a.Id + " (wrong title)");
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                missing.Add(a.Id);
            }
            finally
            {
                limiter.Release();
            }
        }));
        Assert.True(missing.IsEmpty, $"{context}: {missing.Count} acknowledged articles are gone, e.g. {string.Join(", ", missing.Take(5))}");

        // Each word is in one title only, so an OR of 150 of them must match exactly 150 articles.
        foreach (var chunk in articles.Chunk(150))
        {
            var response = await search.SearchAsync(new SearchRequest { Query = string.Join(" OR ", chunk.Select(a => a.Word)), PageSize = 1 });
            Assert.True(chunk.Length == response.TotalHits, $"{context}: {chunk.Length} acknowledged articles, {response.TotalHits} found by their title words");
        }
    }
}
