using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core;
using Search.Core.Analysis;
using Search.Core.Faceting;
using Search.Core.Highlighting;
using Search.Core.Organisations;
using Search.Core.Querying;
using Search.Core.Schema;

namespace Search.Benchmarks;

/// <summary>
/// Facet counting and highlighting over an in-memory index of the samples repeated to ~1,000 articles,
/// mapped with the real document mapper (so fields, doc values and offsets are what the service writes).
/// </summary>
[MemoryDiagnoser]
public class IndexedSearchBenchmarks
{
    private static readonly string[] FacetFields = [ArticleFields.Source, ArticleFields.Organisation];
    private readonly HighlightSettings bodySettings = HighlightSettings.Body with { FragmentSize = 100, PreTag = "<b>", PostTag = "</b>" };
    private readonly ArticleHighlighter highlighter = new();
    private RAMDirectory directory = null!;
    private DirectoryReader reader = null!;
    private IndexSearcher searcher = null!;
    private FacetCounter facetCounter = null!;
    private Query query = null!;

    [Params("ransomware", "phishing campaign", "\"threat intelligence\"")]
    public string QueryText { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var extractor = new OrganisationExtractor();
        var mapper = new ArticleDocumentMapper(extractor);
        directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create())))
        {
            foreach (var article in SampleData.Repeated(40))
            {
                writer.AddDocument(mapper.ToDocument(article));
            }
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
        facetCounter = new FacetCounter(new FacetOrdinalsCache());
        query = new QueryBuilder(extractor, new SearchLimits()).Parse(QueryText);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        reader.Dispose();
        directory.Dispose();
    }

    /// <summary>Exact counts of source and organisation over every match, top 10 of each.</summary>
    [Benchmark]
    public int CountFacets()
    {
        FacetCounts counts = facetCounter.Count(searcher, query, null, FacetFields);
        return counts.Top(ArticleFields.Source, 10).Count + counts.Top(ArticleFields.Organisation, 10).Count;
    }

    /// <summary>Top 10 hits, then best 3 body passages of each (stored text loaded per hit, as the service does).</summary>
    [Benchmark]
    public int HighlightTop10Bodies()
    {
        TopDocs top = searcher.Search(query, 10);
        HighlightQuery prepared = highlighter.Prepare(query, searcher);
        IList<AtomicReaderContext> leaves = reader.Leaves;
        int fragments = 0;
        foreach (ScoreDoc hit in top.ScoreDocs)
        {
            AtomicReaderContext leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            string body = searcher.Doc(hit.Doc).Get(ArticleFields.Body);
            fragments += highlighter.Highlight(prepared, leaf, hit.Doc - leaf.DocBase, ArticleFields.Body, body, bodySettings).Fragments.Count;
        }
        return fragments;
    }
}
