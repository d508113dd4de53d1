using Lucene.Net.Search;

namespace Search.Core.Faceting;

/// <summary>
/// Counts wanted for one facet field. <paramref name="Filter"/> is the filter the counts are computed under:
/// for multi-select facets the caller leaves the field's own filter out and applies every other one.
/// Requests whose filters are equal (or both null) are counted in one pass.
/// </summary>
public sealed record FacetRequest(string Field, int Limit, Filter? Filter = null);
