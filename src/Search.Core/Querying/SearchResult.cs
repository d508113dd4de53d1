using Search.Core.Model;

namespace Search.Core.Querying;

/// <summary>The outcome of a search.</summary>
public sealed record SearchResult(
    long TotalHits,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetFieldResult> Facets,
    string NextPageToken,
    long Generation);

/// <summary>One hit: the article (body only when asked for), its score and highlighted passages.</summary>
public sealed record SearchHit(Article Article, float Score, IReadOnlyList<Highlighting.FieldHighlightResult> Highlights);

/// <summary>Counts of one facet field.</summary>
public sealed record FacetFieldResult(string Field, IReadOnlyList<Faceting.FacetValueCount> Values);
