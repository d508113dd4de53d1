using System.Globalization;
using System.Text;
using Lucene.Net.Search;
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
/// </summary>
public sealed class FacetValueSearcher(
    IndexHost indexes, QueryBuilder queries, FilterBuilder filters, FacetCounter counter, IOrganisationExtractor organisations, SearchLimits limits)
{
    public IReadOnlyList<FacetValueMatch> Search(FacetValueQuery request, CancellationToken cancellation)
    {
        FacetSpec spec = SearchPlan.ValidateFacet(new FacetSpec(request.Field, request.Limit), limits);
        string prefix = Fold(request.Prefix.Trim());
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
        var matches = new List<FacetValueMatch>();
        foreach (FacetValueCount value in counts.Top(spec.Field, int.MaxValue))
        {
            if (prefix.Length == 0 || HasWordStartingWith(value.Value, prefix))
            {
                matches.Add(new FacetValueMatch(value.Value, value.Count, ""));
            }
            else if (spec.Field == ArticleFields.Organisation
                && organisations.AliasesOf(value.Value).FirstOrDefault(alias => HasWordStartingWith(alias, prefix)) is { } alias)
            {
                matches.Add(new FacetValueMatch(value.Value, value.Count, alias));
            }
            if (matches.Count == spec.Limit)
            {
                break;
            }
        }
        return matches;
    }

    private static bool HasWordStartingWith(string value, string foldedPrefix)
    {
        string folded = Fold(value);
        if (folded.StartsWith(foldedPrefix, StringComparison.Ordinal))
        {
            return true;
        }
        for (int i = 1; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i - 1]) && char.IsLetterOrDigit(folded[i])
                && string.CompareOrdinal(folded, i, foldedPrefix, 0, foldedPrefix.Length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lower case without diacritics ("Sécurité" → "securite").</summary>
    private static string Fold(string text)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
