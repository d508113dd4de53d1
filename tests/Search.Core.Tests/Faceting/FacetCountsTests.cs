using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Faceting;
using Search.Core.Schema;

namespace Search.Core.Tests.Faceting;

/// <summary>Every facet count checked against the stored-field brute force, on both index shapes.</summary>
public sealed class FacetCountsTests(FacetIndexFixture fixture) : IClassFixture<FacetIndexFixture>
{
    private readonly FacetCounter counter = new(new FacetOrdinalsCache());

    public static TheoryData<bool> Shapes => new() { false, true };

    [Fact]
    public void Fixture_has_the_shape_the_tests_rely_on()
    {
        Assert.True(fixture.MultiSegmentReader.Leaves.Count > 5);
        Assert.True(fixture.MultiSegmentReader.HasDeletions);
        Assert.Single(fixture.SingleSegmentReader.Leaves);
        Assert.True(fixture.SingleSegmentReader.NumDocs < FacetTestCorpus.DocCount);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Match_all_counts_equal_brute_force(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        var query = new MatchAllDocsQuery();

        FacetCounts counts = counter.Count(searcher, query, null, ArticleFields.FacetFields);

        Assert.Equal(searcher.IndexReader.NumDocs, counts.TotalHits);
        AssertAllFieldsMatchBruteForce(searcher, query, null, counts);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Collector_path_over_all_docs_equals_the_match_all_fast_path(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        // Wrapped so it is not recognised as match-all and goes through the collector.
        var wrapped = new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST } };

        FacetCounts fast = counter.Count(searcher, new MatchAllDocsQuery(), null, ArticleFields.FacetFields);
        FacetCounts collected = counter.Count(searcher, wrapped, null, ArticleFields.FacetFields);

        Assert.Equal(fast.TotalHits, collected.TotalHits);
        foreach (string field in ArticleFields.FacetFields)
        {
            Assert.Equal(fast.Top(field, int.MaxValue), collected.Top(field, int.MaxValue));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Term_query_counts_equal_brute_force(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        var query = new TermQuery(new Term(ArticleFields.Source, "security affairs"));

        FacetCounts counts = counter.Count(searcher, query, null, ArticleFields.FacetFields);

        AssertAllFieldsMatchBruteForce(searcher, query, null, counts);
        // The indexed term is lower-cased, the facet keeps each spelling as given.
        Assert.Equal(
            ["SECURITY AFFAIRS", "Security Affairs", "security affairs"],
            counts.Top(ArticleFields.Source, 10).Select(value => value.Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Filtered_counts_equal_brute_force(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        var filter = new QueryWrapperFilter(new TermQuery(new Term(ArticleFields.Tag, "malware")));
        Query[] queries = [new MatchAllDocsQuery(), new TermQuery(new Term(ArticleFields.Tag, "breach"))];

        foreach (Query query in queries)
        {
            FacetCounts counts = counter.Count(searcher, query, filter, ArticleFields.FacetFields);

            Assert.Equal(searcher.Search(query, filter, 1).TotalHits, counts.TotalHits);
            Assert.True(counts.TotalHits < searcher.IndexReader.NumDocs);
            AssertAllFieldsMatchBruteForce(searcher, query, filter, counts);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Limit_truncates_to_the_highest_counts(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        var query = new MatchAllDocsQuery();
        FacetCounts counts = counter.Count(searcher, query, null, [ArticleFields.Organisation]);

        List<FacetValueCount> all = BruteForceFacets.All(searcher, query, null, ArticleFields.Organisation);
        Assert.True(all.Count > 20);
        foreach (int limit in new[] { 0, 1, 5, 17 })
        {
            IReadOnlyList<FacetValueCount> top = counts.Top(ArticleFields.Organisation, limit);
            Assert.Equal(limit, top.Count);
            Assert.Equal(all.Take(limit), top);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Published_keeps_the_most_recent_months_in_chronological_order(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        // Only articles before 2018: the months after that have no count and must be skipped.
        long end = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Filter filter = NumericRangeFilter.NewInt64Range(ArticleFields.Published, null, end, true, false);

        FacetCounts counts = counter.Count(searcher, new MatchAllDocsQuery(), filter, [ArticleFields.Published]);
        IReadOnlyList<FacetValueCount> top = counts.Top(ArticleFields.Published, 6);

        Assert.Equal(["2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12"], top.Select(value => value.Value));
        Assert.Equal(BruteForceFacets.Top(searcher, new MatchAllDocsQuery(), filter, ArticleFields.Published, 6), top);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Undated_articles_have_no_month(bool singleSegment)
    {
        IndexSearcher searcher = fixture.Searcher(singleSegment);
        FacetCounts counts = counter.Count(searcher, new MatchAllDocsQuery(), null, [ArticleFields.Published]);

        IReadOnlyList<FacetValueCount> months = counts.Top(ArticleFields.Published, int.MaxValue);

        Assert.Equal(48, months.Count);
        Assert.Equal("2016-01", months[0].Value);
        Assert.Equal("2019-12", months[^1].Value);
        long dated = months.Sum(month => month.Count);
        Assert.InRange(dated, 1, counts.TotalHits - 1);
    }

    [Fact]
    public void Unknown_fields_are_rejected()
    {
        IndexSearcher searcher = fixture.Searcher(false);
        FacetCounts counts = counter.Count(searcher, new MatchAllDocsQuery(), null, [ArticleFields.Tag]);

        Assert.Throws<ArgumentException>(() => counter.Count(searcher, new MatchAllDocsQuery(), null, ["title"]));
        Assert.Throws<ArgumentException>(() => counts.Top(ArticleFields.Source, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Top(ArticleFields.Tag, -1));
    }

    private static void AssertAllFieldsMatchBruteForce(IndexSearcher searcher, Query query, Filter? filter, FacetCounts counts)
    {
        foreach (string field in ArticleFields.FacetFields)
        {
            List<FacetValueCount> expected = BruteForceFacets.All(searcher, query, filter, field);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, counts.Top(field, int.MaxValue));
        }
    }
}
