using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// Builds the filter clauses of a search, one per filtered field, so that multi-select facets can count a
/// field with its own clause left out and every other clause applied.
/// </summary>
public sealed class FilterBuilder(IOrganisationExtractor organisations)
{
    /// <summary>Filter clauses keyed by the facet field they constrain ("published" for the date range).</summary>
    public IReadOnlyDictionary<string, Query> Build(SearchFilterSpec filter)
    {
        var clauses = new Dictionary<string, Query>(StringComparer.Ordinal);
        AddAnyOf(clauses, ArticleFields.Source, filter.Sources, v => v);
        AddAnyOf(clauses, ArticleFields.Organisation, filter.Organisations, organisations.Canonicalise);
        AddAnyOf(clauses, ArticleFields.Tag, filter.Tags, v => v);
        AddAnyOf(clauses, ArticleFields.Author, filter.Authors, v => v);
        if (filter.PublishedFrom is not null || filter.PublishedTo is not null)
        {
            if (filter.PublishedFrom > filter.PublishedTo)
            {
                throw SearchRequestException.Invalid("filter: published_from is after published_to.");
            }
            clauses[ArticleFields.Published] = NumericRangeQuery.NewInt64Range(
                ArticleFields.Published,
                ArticleFieldTypes.PublishedPrecisionStep,
                filter.PublishedFrom?.ToUnixTimeMilliseconds(),
                filter.PublishedTo?.ToUnixTimeMilliseconds(),
                minInclusive: true,
                maxInclusive: true);
        }
        return clauses;
    }

    /// <summary>Combines clauses (all of them, or all but one field's) into a Lucene filter; null when none.</summary>
    public static Filter? Combine(IReadOnlyDictionary<string, Query> clauses, string? except = null)
    {
        var combined = new BooleanQuery();
        foreach (var (field, clause) in clauses)
        {
            if (field != except)
            {
                combined.Add(clause, Occur.MUST);
            }
        }
        return combined.Clauses.Count == 0 ? null : new QueryWrapperFilter(combined);
    }

    private static void AddAnyOf(Dictionary<string, Query> clauses, string field, IReadOnlyList<string> values, Func<string, string> canonical)
    {
        var anyOf = new BooleanQuery();
        foreach (string value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            anyOf.Add(new TermQuery(new Term(field, KeywordNormaliser.Normalise(canonical(value)))), Occur.SHOULD);
        }
        if (anyOf.Clauses.Count > 0)
        {
            clauses[field] = anyOf;
        }
    }
}
