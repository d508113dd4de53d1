using Search.Core.Querying;
using Proto = Search.Contracts.V1;

namespace Search.Server.Mapping;

/// <summary>Search request and response conversions between the wire contract and the engine.</summary>
internal static class SearchMapping
{
    public static SearchQuery ToCore(this Proto.SearchRequest request) => new()
    {
        Text = request.Query,
        Filter = request.Filter.ToCore(),
        Facets = request.Facets.Select(f => new FacetSpec(f.Field, f.Limit)).ToList(),
        Highlight = request.Highlight is null ? null : new HighlightSpec
        {
            Fields = request.Highlight.Fields.ToList(),
            FragmentSize = request.Highlight.FragmentSize,
            MaxFragments = request.Highlight.MaxFragments,
            PreTag = request.Highlight.PreTag,
            PostTag = request.Highlight.PostTag,
        },
        PageSize = request.PageSize,
        PageToken = request.PageToken,
        Sort = request.Sort switch
        {
            Proto.SortOrder.Relevance => SearchSort.Relevance,
            Proto.SortOrder.Newest => SearchSort.Newest,
            Proto.SortOrder.Oldest => SearchSort.Oldest,
            _ => throw Core.SearchRequestException.Invalid($"sort: unknown value {(int)request.Sort}; use SORT_ORDER_RELEVANCE, SORT_ORDER_NEWEST or SORT_ORDER_OLDEST."),
        },
        IncludeBody = request.IncludeBody,
        MinGeneration = request.MinGeneration,
    };

    public static SearchFilterSpec ToCore(this Proto.SearchFilter? filter) => filter is null ? new SearchFilterSpec() : new SearchFilterSpec
    {
        Sources = filter.Sources.ToList(),
        Organisations = filter.Organisations.ToList(),
        Tags = filter.Tags.ToList(),
        Authors = filter.Authors.ToList(),
        PublishedFrom = filter.PublishedFrom is null ? null : ArticleMapping.ToDateTimeOffset(filter.PublishedFrom),
        PublishedTo = filter.PublishedTo is null ? null : ArticleMapping.ToDateTimeOffset(filter.PublishedTo),
    };

    public static Proto.SearchResponse ToProto(this SearchResult result)
    {
        var response = new Proto.SearchResponse
        {
            TotalHits = result.TotalHits,
            NextPageToken = result.NextPageToken,
            Generation = result.Generation,
        };
        foreach (SearchHit hit in result.Hits)
        {
            var protoHit = new Proto.Hit { Article = hit.Article.ToProto(), Score = hit.Score };
            foreach (var field in hit.Highlights)
            {
                var highlight = new Proto.FieldHighlight { Field = field.Field };
                foreach (var fragment in field.Fragments)
                {
                    var protoFragment = new Proto.Fragment { Text = fragment.Text, Start = fragment.Start, End = fragment.End };
                    protoFragment.Matches.AddRange(fragment.Matches.Select(m => new Proto.Span { Start = m.Start, End = m.End }));
                    highlight.Fragments.Add(protoFragment);
                }
                protoHit.Highlights.Add(highlight);
            }
            response.Hits.Add(protoHit);
        }
        foreach (FacetFieldResult facet in result.Facets)
        {
            var protoFacet = new Proto.FacetResult { Field = facet.Field };
            protoFacet.Values.AddRange(facet.Values.Select(v => new Proto.FacetValue { Value = v.Value, Count = v.Count }));
            response.Facets.Add(protoFacet);
        }
        return response;
    }
}
