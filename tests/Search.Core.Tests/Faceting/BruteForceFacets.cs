using Lucene.Net.Documents;
using Lucene.Net.Search;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>The reference: counts facet values by reading the stored fields of every matching document.</summary>
internal static class BruteForceFacets
{
    /// <summary>
    /// All values with a non-zero count, in the order <see cref="FacetCounts.Top"/> must return them:
    /// months chronologically, other fields by count descending then value ordinal.
    /// </summary>
    public static List<FacetValueCount> All(IndexSearcher searcher, Query query, Filter? filter, string field)
    {
        string storedField = field == ArticleFields.Published ? ArticleFields.PublishedMonth : field;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (ScoreDoc hit in searcher.Search(query, filter, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs)
        {
            Document document = searcher.Doc(hit.Doc);
            foreach (string value in document.GetValues(storedField).Distinct(StringComparer.Ordinal))
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        IEnumerable<FacetValueCount> values = counts.Select(pair => new FacetValueCount(pair.Key, pair.Value));
        return field == ArticleFields.Published
            ? values.OrderBy(value => value.Value, StringComparer.Ordinal).ToList()
            : values.OrderByDescending(value => value.Count).ThenBy(value => value.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>What <c>Top(field, limit)</c> must return.</summary>
    public static List<FacetValueCount> Top(IndexSearcher searcher, Query query, Filter? filter, string field, int limit)
    {
        List<FacetValueCount> all = All(searcher, query, filter, field);
        return field == ArticleFields.Published ? all.TakeLast(limit).ToList() : all.Take(limit).ToList();
    }
}
