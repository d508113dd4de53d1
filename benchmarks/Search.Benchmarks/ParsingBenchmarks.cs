using BenchmarkDotNet.Attributes;
using Search.Core.Ingest;

namespace Search.Benchmarks;

/// <summary>Reading articles from files: the JSON Lines reader and the plain-text layout parser.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private readonly ArticleReaderOptions options = new();
    private byte[] jsonLines = [];
    private IReadOnlyList<(string Id, string Text)> texts = [];

    [GlobalSetup]
    public void Setup()
    {
        jsonLines = SampleData.JsonLinesBytes();
        texts = SampleData.PlainTexts();
    }

    /// <summary>All 17 lines of samples/articles.jsonl.</summary>
    [Benchmark]
    public int ParseJsonLines()
    {
        using var stream = new MemoryStream(jsonLines, writable: false);
        int parsed = 0;
        foreach (IngestRecord record in JsonLinesArticleParser.Parse(stream, "articles.jsonl", options))
        {
            parsed += record.Article is null ? 0 : 1;
        }
        return parsed;
    }

    /// <summary>Every plain-text sample (the seed and samples/text/*.txt).</summary>
    [Benchmark]
    public int ParsePlainText()
    {
        int parsed = 0;
        foreach (var (id, text) in texts)
        {
            parsed += PlainTextArticleParser.ParseText(text, id, id, options).Article is null ? 0 : 1;
        }
        return parsed;
    }
}
