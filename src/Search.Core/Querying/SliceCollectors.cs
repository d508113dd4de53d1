using Lucene.Net.Search;
using Search.Core.Faceting;

namespace Search.Core.Querying;

/// <summary>The collectors of one slice of a search: its top hits and, when facets are counted with the hits, its counts.</summary>
internal sealed class SliceCollectors(TopFieldCollector top, FacetCountsCollector? counter)
{
    public TopFieldCollector Top { get; } = top;

    public FacetCountsCollector? Counter { get; } = counter;

    /// <summary>What the slice's search collects into: the query runs once for both.</summary>
    public ICollector Collector { get; } = counter is null ? top : MultiCollector.Wrap(top, counter);
}
