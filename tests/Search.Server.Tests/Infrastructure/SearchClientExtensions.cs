using Search.Contracts.V1;

namespace Search.Server.Tests.Infrastructure;

/// <summary>Shortcuts for the calls most tests make.</summary>
public static class SearchClientExtensions
{
    public static async Task<SearchResponse> QueryAsync(this SearchService.SearchServiceClient client, string query, int pageSize = 100) =>
        await client.SearchAsync(new SearchRequest { Query = query, PageSize = pageSize });

    /// <summary>Ids of every hit of a query (one page of up to 100 is enough for the samples).</summary>
    public static async Task<List<string>> IdsAsync(this SearchService.SearchServiceClient client, string query)
    {
        SearchResponse response = await client.QueryAsync(query);
        Assert.True(response.TotalHits <= 100, "the helper reads one page only");
        return response.Hits.Select(h => h.Article.Id).ToList();
    }

    /// <summary>Follows next_page_token until the last page; returns every page.</summary>
    public static async Task<List<SearchResponse>> AllPagesAsync(this SearchService.SearchServiceClient client, SearchRequest first)
    {
        var pages = new List<SearchResponse>();
        SearchRequest request = first.Clone();
        while (true)
        {
            SearchResponse page = await client.SearchAsync(request);
            pages.Add(page);
            if (page.NextPageToken.Length == 0)
            {
                return pages;
            }
            // A runaway token loop would otherwise hang the run.
            Assert.True(pages.Count < 1000, "paging did not end");
            request = first.Clone();
            request.PageToken = page.NextPageToken;
        }
    }

    public static Article NewArticle(string id, string title, string body = "", string source = "Test Wire") =>
        new() { Id = id, Title = title, Body = body, Source = source };

    public static IndexArticlesRequest Batch(params Article[] articles)
    {
        var request = new IndexArticlesRequest();
        request.Articles.AddRange(articles);
        return request;
    }
}
