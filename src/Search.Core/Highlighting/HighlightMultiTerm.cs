using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Highlighting;

/// <summary>
/// A prefix, wildcard, fuzzy, regexp or range query. Its terms are expanded against each segment's terms dictionary
/// the first time a hit of that segment is highlighted, bounded to <see cref="MaxExpansions"/>, and cached for the rest
/// of the search.
/// </summary>
internal sealed class HighlightMultiTerm(MultiTermQuery query, float weight, int key, int leafCount)
{
    /// <summary>Bound on the terms one segment contributes, so "a*" cannot make every hit walk the dictionary.</summary>
    public const int MaxExpansions = 1024;

    // One slot per leaf of the searcher's reader; filled lazily and published with a compare-exchange, since the
    // hits of one search may be highlighted on several threads.
    private readonly ExpandedTerm[]?[] expansions = new ExpandedTerm[]?[leafCount];

    public MultiTermQuery Query { get; } = query;

    public float Weight { get; } = weight;

    public int Key { get; } = key;

    /// <summary>The query's terms in the given segment; <paramref name="cacheable"/> is false for a foreign leaf.</summary>
    public ExpandedTerm[] Expand(AtomicReaderContext leaf, Terms terms, bool cacheable)
    {
        if (cacheable && leaf.Ord < expansions.Length && Volatile.Read(ref expansions[leaf.Ord]) is { } cached)
        {
            return cached;
        }

        var list = new List<ExpandedTerm>();
        TermsEnum termsEnum = MultiTermAccess.GetTermsEnum(Query, terms);
        while (list.Count < MaxExpansions && termsEnum.MoveNext())
        {
            list.Add(new ExpandedTerm(BytesRef.DeepCopyOf(termsEnum.Term), termsEnum.GetTermState()));
        }

        ExpandedTerm[] expanded = [.. list];
        if (cacheable && leaf.Ord < expansions.Length)
        {
            return Interlocked.CompareExchange(ref expansions[leaf.Ord], expanded, null) ?? expanded;
        }

        return expanded;
    }
}
