using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Schema;

namespace Search.Core.Faceting;

/// <summary>
/// Per segment and facet field, the word index facet value search looks prefixes up in. Keyed weakly on the
/// segment's core (its values do not change with deletes or reopens), so a refresh only indexes new segments
/// and entries of merged-away segments go with them. Shared by all concurrent searches.
/// </summary>
public sealed class FacetValueWordsCache
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<SegmentValueWords>>> bySegmentCore = new();

    internal SegmentValueWords Get(AtomicReader segment, string facetField)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var byField = bySegmentCore.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<SegmentValueWords>>(StringComparer.Ordinal));
        // Lazy so two searches racing on a new segment index it once.
        return byField.GetOrAdd(
            facetField,
            field => new Lazy<SegmentValueWords>(
                () => SegmentValueWords.Build(segment, ArticleFields.DocValuesName(field)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
