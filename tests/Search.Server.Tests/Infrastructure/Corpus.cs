using System.Text.RegularExpressions;
using Search.Contracts.V1;

namespace Search.Server.Tests.Infrastructure;

/// <summary>Brute-force views of the whole index, read through the public API, to compute expected results.</summary>
public static partial class Corpus
{
    /// <summary>Every article with its body, by paging a match-all query.</summary>
    public static async Task<List<Article>> AllArticlesAsync(SearchService.SearchServiceClient client)
    {
        var pages = await client.AllPagesAsync(new SearchRequest { PageSize = 100, IncludeBody = true });
        return pages.SelectMany(p => p.Hits).Select(h => h.Article).ToList();
    }

    /// <summary>Whether title or body has a word that starts with <paramref name="prefix"/>, ignoring case.</summary>
    public static bool HasWordStartingWith(Article article, string prefix) =>
        Regex.IsMatch(article.Title + "\n" + article.Body, @"\b" + Regex.Escape(prefix), RegexOptions.IgnoreCase);

    public static bool HasValue(IEnumerable<string> values, string wanted) =>
        values.Any(v => string.Equals(v, wanted, StringComparison.OrdinalIgnoreCase));

    public static SortedSet<string> Ids(IEnumerable<Article> articles) => new(articles.Select(a => a.Id), StringComparer.Ordinal);
}
