using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Model;
using Search.Core.Organisations;
using Search.Core.Schema;

namespace Search.Benchmarks;

/// <summary>
/// What organisation extraction costs at ingest. The budget: extraction adds at most 30% to ingest time.
/// <c>ToDocument*</c> isolates the mapping (where extraction runs); <c>Ingest*</c> adds the analysis and
/// in-memory indexing that every article also pays, which is the fair denominator for the 30%.
/// Both pairs run over the same articles; the pass-through extractor only normalises the given organisations.
/// </summary>
[MemoryDiagnoser]
public class DocumentBuildingBenchmarks
{
    private readonly ArticleDocumentMapper withExtraction = new(new OrganisationExtractor());
    private readonly ArticleDocumentMapper withoutExtraction = new(new PassThroughOrganisationExtractor());
    private IReadOnlyList<Article> articles = [];

    /// <summary>Copies of the 26 samples per operation.</summary>
    [Params(20)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup() => articles = SampleData.Repeated(Copies);

    [Benchmark(Baseline = true)]
    public int ToDocumentWithoutExtraction() => MapAll(withoutExtraction);

    [Benchmark]
    public int ToDocumentWithExtraction() => MapAll(withExtraction);

    [Benchmark]
    public int IngestWithoutExtraction() => IndexAll(withoutExtraction);

    [Benchmark]
    public int IngestWithExtraction() => IndexAll(withExtraction);

    private int MapAll(ArticleDocumentMapper mapper)
    {
        int fields = 0;
        foreach (Article article in articles)
        {
            fields += mapper.ToDocument(article).Fields.Count;
        }
        return fields;
    }

    /// <summary>Maps and adds every article to a fresh in-memory index (flushed once at the end, as a batch is).</summary>
    private int IndexAll(ArticleDocumentMapper mapper)
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, ArticleAnalyzer.Create()) { RAMBufferSizeMB = 64 });
        foreach (Article article in articles)
        {
            writer.AddDocument(mapper.ToDocument(article));
        }
        writer.Commit();
        return writer.NumDocs;
    }
}
