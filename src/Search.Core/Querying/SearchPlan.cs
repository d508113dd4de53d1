using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>A validated search request with defaults filled in; every refusal names the field and the limit.</summary>
internal sealed record SearchPlan(int PageSize, IReadOnlyList<FacetSpec> Facets, HighlightSettingsPlan? Highlight, bool IncludeBody)
{
    public const int DefaultPageSize = 10;
    public const int DefaultFacetLimit = 10;

    public static SearchPlan Create(SearchQuery request, SearchLimits limits)
    {
        int pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (pageSize < 1 || pageSize > limits.MaxPageSize)
        {
            throw SearchRequestException.Invalid($"page_size: {request.PageSize} is outside 1..{limits.MaxPageSize} (0 means {DefaultPageSize}).");
        }
        var facets = new List<FacetSpec>();
        foreach (FacetSpec facet in request.Facets)
        {
            facets.Add(ValidateFacet(facet, limits));
        }
        if (facets.Select(f => f.Field).Distinct(StringComparer.Ordinal).Count() != facets.Count)
        {
            throw SearchRequestException.Invalid("facets: each field may be asked for once.");
        }
        return new SearchPlan(pageSize, facets, request.Highlight is null ? null : HighlightSettingsPlan.Create(request.Highlight, limits), request.IncludeBody);
    }

    public static FacetSpec ValidateFacet(FacetSpec facet, SearchLimits limits)
    {
        string field = facet.Field.Trim().ToLowerInvariant();
        if (field is "organisations" or "organization" or "org")
        {
            field = ArticleFields.Organisation;
        }
        if (!ArticleFields.FacetFields.Contains(field))
        {
            throw SearchRequestException.Invalid($"facets: unknown field '{facet.Field}'. Valid fields: {string.Join(", ", ArticleFields.FacetFields)}.");
        }
        int limit = facet.Limit == 0 ? DefaultFacetLimit : facet.Limit;
        if (limit < 1 || limit > limits.MaxFacetLimit)
        {
            throw SearchRequestException.Invalid($"facets: limit {facet.Limit} for '{field}' is outside 1..{limits.MaxFacetLimit} (Search:Limits:MaxFacetLimit).");
        }
        return new FacetSpec(field, limit);
    }
}

/// <summary>Validated highlight options.</summary>
internal sealed record HighlightSettingsPlan(IReadOnlyList<string> Fields, int FragmentSize, int MaxFragments, string PreTag, string PostTag)
{
    public static HighlightSettingsPlan Create(HighlightSpec spec, SearchLimits limits)
    {
        var fields = spec.Fields.Count == 0 ? [ArticleFields.Title, ArticleFields.Body] : spec.Fields.Select(f => f.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (string field in fields)
        {
            if (field is not (ArticleFields.Title or ArticleFields.Body))
            {
                throw SearchRequestException.Invalid($"highlight.fields: '{field}' cannot be highlighted; use title and/or body.");
            }
        }
        int size = spec.FragmentSize == 0 ? 160 : spec.FragmentSize;
        if (size < 10 || size > limits.MaxFragmentSize)
        {
            throw SearchRequestException.Invalid($"highlight.fragment_size: {spec.FragmentSize} is outside 10..{limits.MaxFragmentSize} (0 means 160).");
        }
        int count = spec.MaxFragments == 0 ? 3 : spec.MaxFragments;
        if (count < 1 || count > limits.MaxFragments)
        {
            throw SearchRequestException.Invalid($"highlight.max_fragments: {spec.MaxFragments} is outside 1..{limits.MaxFragments} (0 means 3).");
        }
        string pre = spec.PreTag.Length == 0 ? "<em>" : spec.PreTag;
        string post = spec.PostTag.Length == 0 ? "</em>" : spec.PostTag;
        if (pre.Length > 100 || post.Length > 100)
        {
            throw SearchRequestException.Invalid("highlight: pre_tag and post_tag are limited to 100 characters.");
        }
        return new HighlightSettingsPlan(fields, size, count, pre, post);
    }
}
