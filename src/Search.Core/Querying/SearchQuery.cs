namespace Search.Core.Querying;

/// <summary>A search as the engine sees it (mapped from the wire request by the host).</summary>
public sealed record SearchQuery
{
    /// <summary>User query text; empty matches every article.</summary>
    public string Text { get; init; } = "";
    public SearchFilterSpec Filter { get; init; } = new();
    public IReadOnlyList<FacetSpec> Facets { get; init; } = [];
    /// <summary>Null: no highlighting.</summary>
    public HighlightSpec? Highlight { get; init; }
    /// <summary>0 means the default (10).</summary>
    public int PageSize { get; init; }
    public string PageToken { get; init; } = "";
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public bool IncludeBody { get; init; }
    public long MinGeneration { get; init; }
}

/// <summary>Order of hits; ties are always broken by id.</summary>
public enum SearchSort
{
    Relevance = 0,
    Newest = 1,
    Oldest = 2,
}

/// <summary>Exact-value filters: any value within a field, every field given; dates inclusive.</summary>
public sealed record SearchFilterSpec
{
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateTimeOffset? PublishedFrom { get; init; }
    public DateTimeOffset? PublishedTo { get; init; }
}

/// <summary>One facet to count; a limit of 0 means the default (10).</summary>
public sealed record FacetSpec(string Field, int Limit);

/// <summary>Highlighting options; empty fields mean title and body; zero sizes mean the defaults.</summary>
public sealed record HighlightSpec
{
    public IReadOnlyList<string> Fields { get; init; } = [];
    public int FragmentSize { get; init; }
    public int MaxFragments { get; init; }
    public string PreTag { get; init; } = "";
    public string PostTag { get; init; } = "";
}
