using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Faceting;
using Search.Core.Highlighting;
using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Schema;

namespace Search.Core.Querying;

/// <summary>
/// Runs searches and article lookups on the live index: validates the request, builds the query and filters,
/// collects one page (search-after) together with facet counts, and highlights the page's hits.
/// </summary>
public sealed class ArticleSearcher(
    IndexHost indexes,
    QueryBuilder queries,
    FilterBuilder filters,
    FacetCounter facets,
    FacetOrdinalsCache ordinals,
    ArticleHighlighter highlighter,
    SearchIndexOptions options)
{
    private readonly HitPageReader hitPages = new(highlighter);

    public SearchResult Search(SearchQuery request, CancellationToken cancellation)
    {
        // A request that waited in the queue while its caller gave up does no work at all.
        cancellation.ThrowIfCancellationRequested();
        var plan = SearchPlan.Create(request, options.Limits);
        WaitForGeneration(indexes.Current, request.MinGeneration, cancellation);

        Query query = queries.Parse(request.Text);
        cancellation.ThrowIfCancellationRequested();
        var clauses = filters.Build(request.Filter);
        ulong fingerprint = PageToken.FingerprintOf(request);
        FieldDoc? after = string.IsNullOrEmpty(request.PageToken)
            ? null
            : SortBuilder.After(PageToken.Decode(request.PageToken, fingerprint, request.Sort));

        // Read before leasing: the searcher leased next is at least this new, so the reported generation never
        // claims more than the search saw.
        long generation = indexes.Current.SearchableGeneration;
        var (_, lease) = indexes.AcquireLive();
        using var leased = lease;
        IndexSearcher searcher = lease.Searcher;
        // Weight building (per term, inside Lucene) stops too, not only collecting.
        using var cancelling = CancellableIndexSearcher.Cancelling(cancellation);
        try
        {
            Query rewritten = CancellableRewrite(searcher, query, cancellation);
            Filter? filter = FilterBuilder.Combine(clauses);
            Sort sort = SortBuilder.For(request.Sort);

            // Facets whose field is not filtered are counted in the same pass as the hits; a filtered field is
            // counted with its own clause left out (multi-select). With one such field (a search page's usual
            // case) that is the same pass too: the pass runs without the field's clause, its counter sees every
            // match, and the hits and other facets only what the clause admits (GatedCollector); with more, each
            // takes a pass of its own. Match-all without filters uses the counter's per-reader shortcut (the
            // explorer's first screen).
            var sameFilter = plan.Facets.Where(f => !clauses.ContainsKey(f.Field)).Select(f => f.Field).ToList();
            var ownFields = plan.Facets.Where(f => clauses.ContainsKey(f.Field)).Select(f => f.Field).ToList();
            bool matchAll = rewritten is MatchAllDocsQuery && filter is null;
            bool countWithHits = sameFilter.Count > 0 && !matchAll;
            // Match-all in relevance order is id order: its page comes from the ids' terms, not a pass over every article.
            bool idOrderedPage = matchAll && request.Sort == SearchSort.Relevance;
            string? sideways = ownFields.Count == 1 && !idOrderedPage ? ownFields[0] : null;
            TopDocs? collectedTop = null;
            FacetCounts? sameCounts = null;
            FacetCounts? sidewaysCounts = null;
            if (!idOrderedPage)
            {
                Filter? passFilter = sideways is null ? filter : FilterBuilder.Combine(clauses, except: sideways);
                Filter? gate = sideways is null ? null : FilterBuilder.Combine(new Dictionary<string, Query> { [sideways] = clauses[sideways] });
                // One hits collector (and counters) per slice of segments, merged after (see SlicedSearch).
                var slices = SlicedSearch.Run(searcher, rewritten, passFilter,
                    () => new SliceCollectors(NewTopCollector(sort, plan.PageSize + 1, after, request.Sort),
                        countWithHits ? new FacetCountsCollector(searcher.IndexReader, sameFilter, ordinals) : null,
                        sideways is null ? null : new FacetCountsCollector(searcher.IndexReader, [sideways], ordinals), gate),
                    slice => slice.Collector, cancellation);
                collectedTop = slices.Length == 1
                    ? slices[0].Top.GetTopDocs()
                    : TopDocs.Merge(sort, plan.PageSize + 1, slices.Select(slice => slice.Top.GetTopDocs()).ToArray());
                sameCounts = countWithHits ? FacetCountsCollector.Sum(slices.Select(slice => slice.Counter!).ToList()) : null;
                sidewaysCounts = sideways is null ? null : FacetCountsCollector.Sum(slices.Select(slice => slice.Own!).ToList());
            }

            sameCounts ??= sameFilter.Count > 0 ? facets.Count(searcher, rewritten, null, sameFilter, cancellation) : null;
            var counts = new Dictionary<string, IReadOnlyList<FacetValueCount>>(StringComparer.Ordinal);
            foreach (FacetSpec spec in plan.Facets)
            {
                if (!clauses.ContainsKey(spec.Field))
                {
                    counts[spec.Field] = sameCounts!.Top(spec.Field, spec.Limit);
                    continue;
                }
                if (spec.Field == sideways)
                {
                    counts[spec.Field] = sidewaysCounts!.Top(spec.Field, spec.Limit);
                    continue;
                }
                cancellation.ThrowIfCancellationRequested();
                var own = facets.Count(searcher, rewritten, FilterBuilder.Combine(clauses, except: spec.Field), [spec.Field], cancellation);
                counts[spec.Field] = own.Top(spec.Field, spec.Limit);
            }

            // One hit more than the page is collected only to know whether a next page exists.
            TopDocs collected = collectedTop ?? MatchAllPageReader.Read(searcher, rewritten, after, plan.PageSize + 1, cancellation);
            bool hasNext = collected.ScoreDocs.Length > plan.PageSize;
            ScoreDoc[] pageDocs = hasNext ? collected.ScoreDocs[..plan.PageSize] : collected.ScoreDocs;
            var hits = hitPages.Read(searcher, rewritten, pageDocs, plan, cancellation);
            string next = hasNext ? SortBuilder.TokenAfter((FieldDoc)pageDocs[^1], fingerprint, request.Sort).Encode() : "";
            var facetResults = plan.Facets.Select(f => new FacetFieldResult(f.Field, counts[f.Field])).ToList();
            return new SearchResult(collected.TotalHits, hits, facetResults, next, generation);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw queries.TooManyClauses();
        }
    }

    /// <summary>In order: see FacetCountsCollector.AcceptsDocsOutOfOrder for why that is the faster choice here.</summary>
    private static TopFieldCollector NewTopCollector(Sort sort, int size, FieldDoc? after, SearchSort order) =>
        TopFieldCollector.Create(sort, size, after, fillFields: true,
            trackDocScores: order == SearchSort.Relevance, trackMaxScore: false, docsScoredInOrder: true);

    /// <summary>
    /// Rewrites (expands prefix and fuzzy terms) clause by clause, checking for cancellation in between, so an
    /// abandoned query with hundreds of fuzzy terms stops early instead of expanding them all.
    /// </summary>
    private static Query CancellableRewrite(IndexSearcher searcher, Query query, CancellationToken cancellation)
    {
        if (query is BooleanQuery boolean)
        {
            var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
            foreach (BooleanClause clause in boolean.Clauses)
            {
                cancellation.ThrowIfCancellationRequested();
                copy.Add(CancellableRewrite(searcher, clause.Query, cancellation), clause.Occur);
            }
            query = copy;
        }
        cancellation.ThrowIfCancellationRequested();
        return searcher.Rewrite(query);
    }

    /// <summary>The whole article, or null when no article has that id.</summary>
    public Article? GetArticle(string id, long minGeneration, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw SearchRequestException.Invalid("id: must not be empty.");
        }
        WaitForGeneration(indexes.Current, minGeneration, cancellation);
        var (_, lease) = indexes.AcquireLive();
        using var leased = lease;
        TopDocs found = lease.Searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return found.TotalHits == 0
            ? null
            : new IndexedArticleReader(lease.Searcher.IndexReader).Read(found.ScoreDocs[0].Doc, includeBody: true);
    }

    private void WaitForGeneration(ArticleIndex index, long generation, CancellationToken cancellation)
    {
        if (generation <= 0)
        {
            return;
        }
        if (!index.WaitForGeneration(generation, options.MinGenerationWait))
        {
            cancellation.ThrowIfCancellationRequested();
            throw new SearchRequestException(SearchErrorKind.DeadlineExceeded,
                $"min_generation {generation} is not visible after {options.MinGenerationWait.TotalSeconds:0.#} s (searchable generation is {index.SearchableGeneration}).");
        }
    }
}
