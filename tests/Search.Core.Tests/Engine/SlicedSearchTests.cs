using Search.Core.Indexing;
using Search.Core.Model;
using Search.Core.Querying;

namespace Search.Core.Tests.Engine;

/// <summary>
/// A search split into parallel slices of segments answers exactly as the same search on one thread: same hits
/// in the same order, same totals, same facet counts, same pages.
/// </summary>
public sealed class SlicedSearchTests : IDisposable
{
    private readonly EngineFixture _sliced = new(settings: Settings(splitFrom: 0));
    private readonly EngineFixture _sequential = new(settings: Settings(splitFrom: int.MaxValue));

    public SlicedSearchTests()
    {
        var articles = TestArticles.Create(307);
        foreach (EngineFixture engine in new[] { _sliced, _sequential })
        {
            // Each batch is committed as its own segment; compaction is off so they stay apart.
            foreach (var batch in articles.Chunk(70))
            {
                engine.Index(batch);
            }
            engine.Delete("a-0003", "a-0150", "a-0290");
        }
    }

    public static TheoryData<string, SearchSort, string[]> Cases => new()
    {
        { "police", SearchSort.Relevance, [] },
        { "malware OR breach OR police", SearchSort.Relevance, [] },
        { "malware OR breach", SearchSort.Newest, ["threatpost", "The Record"] },
        { "", SearchSort.Oldest, [] },
        { "", SearchSort.Relevance, ["Security Affairs"] },
        { "\"servers malware\" OR arrest", SearchSort.Oldest, [] },
    };

    [Fact]
    public void The_sliced_engine_really_searches_in_several_slices()
    {
        var (_, lease) = _sliced.Host.AcquireLive();
        using (lease)
        {
            var searcher = Assert.IsType<CancellableIndexSearcher>(lease.Searcher);
            Assert.True(searcher.Slices.Length >= Math.Min(2, Environment.ProcessorCount),
                $"{searcher.Slices.Length} slice(s) over {searcher.IndexReader.Leaves.Count} segments");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sliced_and_sequential_searches_agree_on_hits_totals_facets_and_pages(string text, SearchSort sort, string[] sources)
    {
        var query = new SearchQuery
        {
            Text = text,
            Sort = sort,
            PageSize = 7,
            Filter = new SearchFilterSpec { Sources = sources },
            Facets = new[] { "source", "organisation", "tag", "author", "published" }.Select(f => new FacetSpec(f, 1000)).ToList(),
        };

        SearchResult sliced = _sliced.Search(query);
        SearchResult sequential = _sequential.Search(query);
        var slicedPages = _sliced.SearchAll(query with { Facets = [] }, out long slicedTotal);
        var sequentialPages = _sequential.SearchAll(query with { Facets = [] }, out long sequentialTotal);

        Assert.True(sequential.TotalHits > 7, $"the case should need several pages, not {sequential.TotalHits} hits");
        Assert.Equal(sequential.TotalHits, sliced.TotalHits);
        Assert.Equal(Ids(sequential.Hits), Ids(sliced.Hits));
        Assert.Equal(sequential.Hits.Select(h => h.Score), sliced.Hits.Select(h => h.Score));
        Assert.Equal(Flatten(sequential), Flatten(sliced));
        Assert.Equal(sequentialTotal, slicedTotal);
        Assert.Equal(Ids(sequentialPages), Ids(slicedPages));
    }

    [Theory]
    [InlineData("police OR servers")]
    [InlineData("\"servers malware\" OR arr*")]
    public void Hits_read_and_highlighted_on_several_threads_match_the_sequential_ones(string text)
    {
        var query = new SearchQuery
        {
            Text = text,
            PageSize = 20,
            IncludeBody = true,
            Highlight = new HighlightSpec { Fields = ["title", "body"], FragmentSize = 40, MaxFragments = 2 },
        };

        var sliced = _sliced.Search(query).Hits;
        var sequential = _sequential.Search(query).Hits;

        Assert.Equal(20, sequential.Count);
        Assert.Equal(sequential.Select(h => (h.Article.Id, h.Article.Title, h.Article.Body)), sliced.Select(h => (h.Article.Id, h.Article.Title, h.Article.Body)));
        Assert.Equal(Rendered(sequential), Rendered(sliced));
        Assert.Contains(sliced, h => h.Highlights.Any(f => f.Field == "body" && f.Fragments.Any(x => x.Matches.Count > 0)));
    }

    public void Dispose()
    {
        _sliced.Dispose();
        _sequential.Dispose();
    }

    private static Dictionary<string, string?> Settings(int splitFrom) => new()
    {
        ["Search:ParallelSearchMinDocs"] = splitFrom.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search:IdleCompactionDelay"] = "00:00:00",
    };

    private static List<string> Ids(IEnumerable<SearchHit> hits) => hits.Select(h => h.Article.Id).ToList();

    private static List<string> Rendered(IEnumerable<SearchHit> hits) =>
        hits.SelectMany(h => h.Highlights.SelectMany(f => f.Fragments.Select(x =>
            $"{h.Article.Id}/{f.Field}:{x.Start}-{x.End}:{x.Text}:{string.Join(',', x.Matches)}"))).ToList();

    private static List<string> Flatten(SearchResult result) =>
        result.Facets.SelectMany(f => f.Values.Select(v => $"{f.Field}:{v.Value}={v.Count}")).ToList();
}
