using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Faceting;

/// <summary>
/// Per top-level reader and facet field, the global ordinal space (and cached match-all counts). Owned by
/// the searcher side and shared by all concurrent searches.
/// </summary>
/// <remarks>
/// Keyed weakly on the reader instance itself: every SearcherManager reopen yields a new reader whose
/// segments (and so ordinals) differ, and once the old reader is no longer referenced its entries go with
/// it. The reader rather than its CoreCacheKey is the key because an atomic reader shares its core key
/// with reopened views that have different deletes, which would make cached match-all counts wrong.
/// </remarks>
public sealed class FacetOrdinalsCache
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, Lazy<FacetFieldOrdinals>>> byReader = new();

    internal FacetFieldOrdinals Get(IndexReader topReader, string facetField)
    {
        ArgumentNullException.ThrowIfNull(topReader);
        ConcurrentDictionary<string, Lazy<FacetFieldOrdinals>> byField =
            byReader.GetValue(topReader, _ => new ConcurrentDictionary<string, Lazy<FacetFieldOrdinals>>(StringComparer.Ordinal));
        // Lazy so two searches racing on a fresh reader build the ordinal map once, not twice.
        return byField.GetOrAdd(
            facetField,
            field => new Lazy<FacetFieldOrdinals>(
                () => FacetFieldOrdinals.Build(topReader, field), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
