using Grpc.Core;
using Search.Contracts.V1;

namespace Search.Server.Tests.Reindex;

/// <summary>
/// Many tiny made-up articles, so a rebuild runs long enough to be watched, raced and interrupted. Every article
/// has the word "synthetic"; every fifth also "lighthouse", a query with a known total.
/// </summary>
public static class SyntheticArticles
{
    public const int BatchSize = 2000;

    public static int LighthouseCount(int count) => (count + 4) / 5;

    public static Article Create(int number) => new()
    {
        Id = $"syn-{number:D6}",
        Title = $"Synthetic report {number}" + (number % 5 == 0 ? " about the lighthouse" : ""),
        Body = $"Synthetic body {number} mentions Europol and a quarterly figure of {number % 97}.",
        Source = "Synthetic Wire",
    };

    /// <summary>Indexes articles 0..count-1 and waits until all are searchable; returns the last generation.</summary>
    public static async Task<long> IndexAsync(IndexService.IndexServiceClient index, SearchService.SearchServiceClient search, int count, Metadata? headers = null)
    {
        long generation = 0;
        for (int start = 0; start < count; start += BatchSize)
        {
            var request = new IndexArticlesRequest();
            request.Articles.AddRange(Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(Create));
            IndexArticlesResponse response = await index.IndexArticlesAsync(request, headers);
            Assert.Equal(0, response.Failed);
            generation = response.Generation;
        }
        SearchResponse visible = await search.SearchAsync(new SearchRequest { Query = "synthetic", PageSize = 1, MinGeneration = generation }, headers);
        Assert.Equal(count, visible.TotalHits);
        return generation;
    }
}
