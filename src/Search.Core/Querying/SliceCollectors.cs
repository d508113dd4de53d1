using Lucene.Net.Search;
using Search.Core.Faceting;

namespace Search.Core.Querying;

/// <summary>
/// The collectors of one slice of a search: its top hits, the facets counted with them, and, for a multi-select
/// on one field, that field's own counter, which sees every match while the rest sees only what
/// <paramref name="gate"/> admits.
/// </summary>
internal sealed class SliceCollectors(TopFieldCollector top, FacetCountsCollector? counter, FacetCountsCollector? own = null, Filter? gate = null)
{
    public TopFieldCollector Top { get; } = top;

    public FacetCountsCollector? Counter { get; } = counter;

    public FacetCountsCollector? Own { get; } = own;

    /// <summary>What the slice's search collects into: the query runs once for all of them.</summary>
    public ICollector Collector { get; } = Combine(top, counter, own, gate);

    private static ICollector Combine(TopFieldCollector top, FacetCountsCollector? counter, FacetCountsCollector? own, Filter? gate)
    {
        ICollector hits = counter is null ? top : MultiCollector.Wrap(top, counter);
        return own is null || gate is null ? hits : MultiCollector.Wrap(new GatedCollector(hits, gate), own);
    }
}
