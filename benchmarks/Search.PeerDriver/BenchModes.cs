using Search.Contracts.V1;

namespace Search.PeerDriver;

/// <summary>
/// The request each benchmark mode sends. The first three are the harness's modes with the harness's parameters
/// (top 10; best 3 body fragments of ~100 chars with &lt;b&gt; tags; top 10 of source and organisation); the
/// fourth is what a search page of this service really sends: all of it at once plus a multi-select source filter.
/// </summary>
internal sealed class BenchModes(string? topSource)
{
    public const string Ids = "ids";
    public const string Highlight = "highlight";
    public const string Facets = "facets";
    public const string HighlightFacetsFilter = "highlight_facets_filter";

    public static IReadOnlyList<string> All { get; } = [Ids, Highlight, Facets, HighlightFacetsFilter];

    public static string How(string mode) => mode switch
    {
        Ids => "SearchService.Search over gRPC (loopback, HTTP/2): page_size 10, no highlight, no facets; ids read from the response",
        Highlight => "Search with highlight {fields: body, max_fragments 3, fragment_size 100, <b></b>}; top 10",
        Facets => "Search with facets [source 10, organisation 10] (exact counts over all matches); top 10",
        HighlightFacetsFilter => "Search with body highlight + facets source and organisation + SearchFilter.sources = {query's source or the corpus's top source, plus the top source}",
        _ => throw new ArgumentException($"Unknown mode '{mode}'."),
    };

    public SearchRequest Build(string mode, BenchQuery query)
    {
        var request = new SearchRequest { Query = query.ToServiceQuery(), PageSize = 10 };
        bool highlight = mode is Highlight or HighlightFacetsFilter;
        bool facets = mode is Facets or HighlightFacetsFilter;
        if (mode is not (Ids or Highlight or Facets or HighlightFacetsFilter))
        {
            throw new ArgumentException($"Unknown mode '{mode}'.");
        }
        if (highlight)
        {
            request.Highlight = new HighlightOptions { FragmentSize = 100, MaxFragments = 3, PreTag = "<b>", PostTag = "</b>" };
            request.Highlight.Fields.Add("body");
        }
        if (facets)
        {
            request.Facets.Add(new FacetRequest { Field = "source", Limit = 10 });
            request.Facets.Add(new FacetRequest { Field = "organisation", Limit = 10 });
        }
        if (mode == HighlightFacetsFilter)
        {
            request.Filter = new SearchFilter();
            request.Filter.Sources.Add(SourceSelection(query));
        }
        else if (query.SourceFilter is not null)
        {
            request.Filter = new SearchFilter();
            request.Filter.Sources.Add(query.SourceFilter);
        }
        return request;
    }

    /// <summary>A multi-select of up to two sources, as a facet sidebar with two boxes ticked would send.</summary>
    private List<string> SourceSelection(BenchQuery query)
    {
        var selected = new List<string>(2);
        if (query.SourceFilter is not null)
        {
            selected.Add(query.SourceFilter);
        }
        if (topSource is not null && !selected.Contains(topSource, StringComparer.OrdinalIgnoreCase))
        {
            selected.Add(topSource);
        }
        return selected;
    }
}
