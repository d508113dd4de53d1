using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>Counting alongside hits, multi-select grouping and concurrent use.</summary>
public sealed class FacetCounterTests(FacetIndexFixture fixture) : IClassFixture<FacetIndexFixture>
{
    private readonly FacetOrdinalsCache cache = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Counting_in_a_multi_collector_leaves_hits_unchanged(bool docsScoredInOrder)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment: false);
        // A disjunction lets Lucene use its out-of-order bulk scorer when every collector accepts that.
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(ArticleFields.Tag, "malware")), Occur.SHOULD },
            { new TermQuery(new Term(ArticleFields.Tag, "breach")), Occur.SHOULD },
        };
        long end = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Filter filter = NumericRangeFilter.NewInt64Range(ArticleFields.Published, null, end, true, false);
        var sort = new Sort(new SortField(ArticleFields.Published, SortFieldType.INT64, true), SortField.FIELD_DOC);
        TopFieldCollector hits = TopFieldCollector.Create(sort, 10, true, false, false, docsScoredInOrder);
        var facets = new FacetCountsCollector(searcher.IndexReader, ArticleFields.FacetFields, cache);

        searcher.Search(query, filter, MultiCollector.Wrap(hits, facets));

        TopDocs expectedHits = searcher.Search(query, filter, 10, sort);
        TopDocs actualHits = hits.GetTopDocs();
        Assert.True(expectedHits.TotalHits > 10);
        Assert.Equal(expectedHits.TotalHits, actualHits.TotalHits);
        Assert.Equal(expectedHits.ScoreDocs.Select(hit => hit.Doc), actualHits.ScoreDocs.Select(hit => hit.Doc));
        FacetCounts counts = facets.GetFacetCounts();
        Assert.Equal(expectedHits.TotalHits, counts.TotalHits);
        foreach (string field in ArticleFields.FacetFields)
        {
            Assert.Equal(BruteForceFacets.All(searcher, query, filter, field), counts.Top(field, int.MaxValue));
        }
    }

    [Fact]
    public void Multi_select_requests_sharing_a_filter_share_one_pass()
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment: false);
        var query = new TermQuery(new Term(ArticleFields.Source, "le monde"));
        var tagFilter = new CountingFilter(new QueryWrapperFilter(new TermQuery(new Term(ArticleFields.Tag, "policy"))));
        var authorFilter = new CountingFilter(new QueryWrapperFilter(new TermQuery(new Term(ArticleFields.Author, "author c"))));
        FacetRequest[] requests =
        [
            // As a pipeline would send them: with a tag and an author filter selected, each of those fields
            // leaves its own filter out; the others apply both (here: the tag filter alone for brevity).
            new(ArticleFields.Tag, 3, authorFilter),
            new(ArticleFields.Author, 4, tagFilter),
            new(ArticleFields.Source, 5, tagFilter),
            new(ArticleFields.Organisation, 6, tagFilter),
            new(ArticleFields.Published, 7),
        ];

        IReadOnlyDictionary<string, IReadOnlyList<FacetValueCount>> results = new FacetCounter(cache).Count(searcher, query, requests);

        int leaves = searcher.IndexReader.Leaves.Count;
        Assert.Equal(leaves, tagFilter.Calls);
        Assert.Equal(leaves, authorFilter.Calls);
        Assert.Equal(requests.Select(request => request.Field).Order(), results.Keys.Order());
        foreach (FacetRequest request in requests)
        {
            List<FacetValueCount> expected = BruteForceFacets.Top(searcher, query, request.Filter, request.Field, request.Limit);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, results[request.Field]);
        }
    }

    [Fact]
    public void Requesting_a_field_twice_is_rejected()
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment: false);
        FacetRequest[] requests = [new(ArticleFields.Tag, 3), new(ArticleFields.Tag, 5)];

        Assert.Throws<ArgumentException>(() => new FacetCounter(cache).Count(searcher, new MatchAllDocsQuery(), requests));
    }

    [Fact]
    public void Concurrent_counts_agree_with_sequential_ones()
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment: false);
        Query[] queries =
        [
            new MatchAllDocsQuery(),
            new TermQuery(new Term(ArticleFields.Tag, "phishing")),
            new TermQuery(new Term(ArticleFields.Source, "zeit")),
        ];
        // Sequential reference with its own cache; the shared counter below starts cold so threads race to build.
        List<FacetValueCount>[][] expected = queries
            .Select(query => ArticleFields.FacetFields.Select(field => BruteForceFacets.Top(searcher, query, null, field, 8)).ToArray())
            .ToArray();
        var counter = new FacetCounter(cache);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 48, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int q = i % queries.Length;
            FacetCounts counts = counter.Count(searcher, queries[q], null, ArticleFields.FacetFields);
            for (int f = 0; f < ArticleFields.FacetFields.Count; f++)
            {
                if (!expected[q][f].SequenceEqual(counts.Top(ArticleFields.FacetFields[f], 8)))
                {
                    failures.Add($"query {q}, field {ArticleFields.FacetFields[f]}");
                }
            }
        });

        Assert.Empty(failures);
    }

    [Fact]
    public void A_collector_refuses_segments_of_another_reader()
    {
        var collector = new FacetCountsCollector(fixture.SingleSegmentReader, [ArticleFields.Tag], cache);

        Assert.Throws<InvalidOperationException>(
            () => fixture.Searcher(singleSegment: false).Search(new MatchAllDocsQuery(), collector));
    }
}
