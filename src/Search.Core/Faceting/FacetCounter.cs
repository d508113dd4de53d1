using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Faceting;

/// <summary>
/// Runs counting searches. Thread-safe: every call uses its own collectors; the shared state is the
/// concurrent <see cref="FacetOrdinalsCache"/>.
/// </summary>
public sealed class FacetCounter
{
    private readonly FacetOrdinalsCache cache;

    public FacetCounter(FacetOrdinalsCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
    }

    /// <summary>Counts <paramref name="facetFields"/> over the documents matching query and filter, in one pass.</summary>
    public FacetCounts Count(IndexSearcher searcher, Query query, Filter? filter, IEnumerable<string> facetFields, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(facetFields);
        IndexReader reader = searcher.IndexReader;
        string[] fields = facetFields.Distinct(StringComparer.Ordinal).ToArray();
        if (query is MatchAllDocsQuery && filter is null)
        {
            return CountMatchAll(reader, fields);
        }

        FacetCountsCollector[] slices = Querying.SlicedSearch.Run(
            searcher, query, filter, () => new FacetCountsCollector(reader, fields, cache), collector => collector, cancellation);
        return FacetCountsCollector.Sum(slices);
    }

    /// <summary>
    /// Multi-select facets: each request is counted under its own filter. Requests sharing a filter (by
    /// <see cref="object.Equals(object)"/>, or both null) share one search. Values are decoded before
    /// returning, so the result stays valid after the searcher is released.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValueCount>> Count(
        IndexSearcher searcher, Query query, IEnumerable<FacetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new Dictionary<string, IReadOnlyList<FacetValueCount>>(StringComparer.Ordinal);
        List<FacetRequest> all = requests.ToList();
        foreach (FacetRequest request in all)
        {
            FacetCounts.ValidateField(request.Field);
            ArgumentOutOfRangeException.ThrowIfNegative(request.Limit);
            if (all.Count(other => other.Field == request.Field) > 1)
            {
                throw new ArgumentException($"Facet field '{request.Field}' is requested more than once.", nameof(requests));
            }
        }

        foreach (IGrouping<FilterKey, FacetRequest> group in all.GroupBy(request => new FilterKey(request.Filter)))
        {
            FacetCounts counts = Count(searcher, query, group.Key.Filter, group.Select(request => request.Field));
            foreach (FacetRequest request in group)
            {
                results[request.Field] = counts.Top(request.Field, request.Limit);
            }
        }

        return results;
    }

    private FacetCounts CountMatchAll(IndexReader reader, string[] fields)
    {
        var byField = new Dictionary<string, (FacetFieldOrdinals, int[])>(StringComparer.Ordinal);
        foreach (string field in fields)
        {
            FacetCounts.ValidateField(field);
            FacetFieldOrdinals ordinals = cache.Get(reader, field);
            byField[field] = (ordinals, ordinals.MatchAllCounts);
        }

        return new FacetCounts(reader, reader.NumDocs, byField);
    }

    /// <summary>Lets a null filter be a grouping key alongside real ones.</summary>
    private readonly record struct FilterKey(Filter? Filter);
}
