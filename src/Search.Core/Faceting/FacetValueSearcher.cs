using Lucene.Net.Index;
using Lucene.Net.Search;
using BytesRef = Lucene.Net.Util.BytesRef;
using Search.Core.Indexing;
using Search.Core.Organisations;
using Search.Core.Querying;
using Search.Core.Schema;

namespace Search.Core.Faceting;

/// <summary>A facet value search: a typed prefix within the context of an optional query and filter.</summary>
public sealed record FacetValueQuery(string Field, string Prefix, string Query, SearchFilterSpec Filter, int Limit);

/// <summary>A facet value whose name, or one of its aliases, has a word starting with the prefix.</summary>
public sealed record FacetValueMatch(string Value, long Count, string MatchedAlias);

/// <summary>
/// Type-ahead over facet values ("daes" finds Islamic State through its alias Daesh): counts the field in
/// the given context, then keeps the values where a word of the value or of an alias starts with the prefix,
/// ignoring case and diacritics. The context counts multi-select style: the field's own filter is left out.
/// The prefix is looked up first (each segment's word index, the gazetteer's aliases), so only the values it
/// finds are ranked and decoded, however many values the field has.
/// </summary>
public sealed class FacetValueSearcher(
    IndexHost indexes, QueryBuilder queries, FilterBuilder filters, FacetCounter counter, FacetValueWordsCache words,
    IOrganisationExtractor organisations, SearchLimits limits)
{
    public IReadOnlyList<FacetValueMatch> Search(FacetValueQuery request, CancellationToken cancellation)
    {
        FacetSpec spec = SearchPlan.ValidateFacet(new FacetSpec(request.Field, request.Limit), limits);
        string prefix = FoldedWords.Fold(request.Prefix.Trim());
        if (prefix.Length > 200)
        {
            throw SearchRequestException.Invalid("prefix: longer than 200 characters.");
        }
        Query query = queries.Parse(request.Query);
        var clauses = filters.Build(request.Filter);
        var (_, lease) = indexes.AcquireLive();
        using var leased = lease;
        IndexSearcher searcher = lease.Searcher;
        Query rewritten = searcher.Rewrite(query);
        cancellation.ThrowIfCancellationRequested();
        FacetCounts counts = counter.Count(searcher, rewritten, FilterBuilder.Combine(clauses, except: spec.Field), [spec.Field], cancellation);
        if (prefix.Length == 0)
        {
            return counts.Top(spec.Field, spec.Limit).Select(value => new FacetValueMatch(value.Value, value.Count, "")).ToList();
        }
        var (matching, aliasMatches) = FindOrdinals(counts, spec.Field, prefix, cancellation);
        return counts.TopAmong(spec.Field, matching, spec.Limit)
            .Select(value => new FacetValueMatch(value.Value, value.Count, aliasMatches.GetValueOrDefault(value.Value, "")))
            .ToList();
    }

    /// <summary>
    /// Global ordinals of the values that match the prefix, and for the values found only through an alias, that
    /// alias by value (a word of the value itself wins over an alias).
    /// </summary>
    private (HashSet<int> Matching, Dictionary<string, string> AliasByValue) FindOrdinals(
        FacetCounts counts, string field, string prefix, CancellationToken cancellation)
    {
        var (segments, ordinals) = counts.OrdinalSpace(field);
        var matching = new HashSet<int>();
        var aliasByValue = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < segments.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (int segmentOrdinal in words.Get(segments[i].AtomicReader, field).OrdinalsWithWordPrefix(prefix))
            {
                matching.Add(GlobalOrdinal(ordinals, i, segmentOrdinal));
            }
        }
        if (field == ArticleFields.Organisation)
        {
            foreach (var (canonical, alias) in OrganisationAliasWords.For(organisations.KnownOrganisations).Matching(prefix))
            {
                if (FindValue(segments, ordinals, canonical) is int global && matching.Add(global))
                {
                    aliasByValue[canonical] = alias;
                }
            }
        }
        return (matching, aliasByValue);
    }

    /// <summary>The global ordinal of a value, from the first segment that has it; null when no segment does.</summary>
    private static int? FindValue(IList<AtomicReaderContext> segments, FacetFieldOrdinals ordinals, string value)
    {
        var term = new BytesRef(value);
        for (int i = 0; i < segments.Count; i++)
        {
            long segmentOrdinal = segments[i].AtomicReader.GetSortedSetDocValues(ordinals.DocValuesField)?.LookupTerm(term) ?? -1;
            if (segmentOrdinal >= 0)
            {
                return GlobalOrdinal(ordinals, i, segmentOrdinal);
            }
        }
        return null;
    }

    private static int GlobalOrdinal(FacetFieldOrdinals ordinals, int segment, long segmentOrdinal) =>
        (int)(ordinals.OrdinalMap?.GetGlobalOrd(segment, segmentOrdinal) ?? segmentOrdinal);
}
